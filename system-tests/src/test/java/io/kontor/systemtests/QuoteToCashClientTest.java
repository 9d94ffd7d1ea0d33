package io.kontor.systemtests;

import static io.kontor.systemtests.FlowSteps.EVENT_DELIVERY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.kontor.client.ApiClient;
import io.kontor.client.ApiException;
import io.kontor.client.api.CustomerResourceApi;
import io.kontor.client.api.InvoiceResourceApi;
import io.kontor.client.api.OfferResourceApi;
import io.kontor.client.api.PaymentResourceApi;
import io.kontor.client.api.ProductResourceApi;
import io.kontor.client.model.AcceptRequest;
import io.kontor.client.model.Address;
import io.kontor.client.model.BillingMode;
import io.kontor.client.model.BookedPayment;
import io.kontor.client.model.CustomerRequest;
import io.kontor.client.model.CustomerType;
import io.kontor.client.model.CustomerView;
import io.kontor.client.model.InvoiceStatus;
import io.kontor.client.model.InvoiceView;
import io.kontor.client.model.Line1;
import io.kontor.client.model.OfferRequest;
import io.kontor.client.model.OfferStatus;
import io.kontor.client.model.OfferView;
import io.kontor.client.model.PaymentRequest;
import io.kontor.client.model.ProductRequest;
import io.kontor.client.model.SendRequest;
import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Quote to cash as a front-office integrator runs it: only through the Java client generated from the published API
 * document (clients/java, issue #25) against the running platform. If the document lied about a path, a field, a type
 * or a status, the generated client would fail here.
 */
class QuoteToCashClientTest extends SystemTest {

    @Test
    void the_generated_java_client_registers_offers_accepts_and_pays_an_invoice() throws ApiException {
        ApiClient client = new ApiClient();
        client.updateBaseUri(platform.gatewayUrl());
        client.setRequestInterceptor(request -> request.header("Authorization", "Bearer " + platform.adminToken()));
        String unique = UUID.randomUUID().toString().substring(0, 8);

        CustomerView customer = new CustomerResourceApi(client)
                .salesRegisterCustomer(new CustomerRequest()
                        .name("Alster Client GmbH")
                        .type(CustomerType.BUSINESS)
                        .email("einkauf@" + unique + ".example")
                        .paymentTermDays(14)
                        .billingAddress(new Address()
                                .street("Ballindamm 1")
                                .postalCode("20095")
                                .city("Hamburg")
                                .country("DE")));
        assertThat(customer.getCustomerNumber()).isNotBlank();

        String sku = "CLIENT-" + unique.toUpperCase(Locale.ROOT);
        new ProductResourceApi(client)
                .salesCreateProduct(new ProductRequest()
                        .sku(sku)
                        .name("Workshop day")
                        .unitPrice(new BigDecimal("800.00"))
                        .vatRate(new BigDecimal("19"))
                        .unit("day"));

        OfferResourceApi offers = new OfferResourceApi(client);
        OfferView draft = offers.salesCreateOffer(new OfferRequest()
                .customerId(customer.getId())
                .billing(BillingMode.ON_ACCEPTANCE)
                .lines(List.of(new Line1().sku(sku).quantity(new BigDecimal("2")))));
        assertThat(draft.getStatus()).isEqualTo(OfferStatus.DRAFT);
        assertThat(offers.salesSendOffer(draft.getId(), new SendRequest()).getStatus())
                .isEqualTo(OfferStatus.SENT);
        assertThat(offers.salesAcceptOffer(draft.getId(), new AcceptRequest()).getStatus())
                .isEqualTo(OfferStatus.ACCEPTED);

        InvoiceResourceApi invoices = new InvoiceResourceApi(client);
        InvoiceView invoice = await("the invoice for offer " + draft.getId())
                .atMost(EVENT_DELIVERY)
                .until(
                        () ->
                                invoices
                                        .accountingListInvoices(customer.getId().toString(), 0, 200, null)
                                        .getItems()
                                        .stream()
                                        .filter(candidate -> draft.getId().equals(candidate.getOfferId()))
                                        .findFirst(),
                        Optional::isPresent)
                .orElseThrow();
        // 2 days at 800.00 plus 19 % VAT (§12 (1) UStG)
        assertThat(invoice.getGrossTotal()).isEqualByComparingTo("1904.00");
        assertThat(invoice.getStatus()).isEqualTo(InvoiceStatus.ISSUED);

        BookedPayment payment = new PaymentResourceApi(client)
                .accountingBookPayment(new PaymentRequest()
                        .invoiceNumber(invoice.getInvoiceNumber())
                        .amount(invoice.getGrossTotal())
                        .valueDate(invoice.getIssueDate().plusDays(3))
                        .payerName("Alster Client GmbH"));
        assertThat(payment.getAmount()).isEqualByComparingTo("1904.00");

        InvoiceView paid = invoices.accountingGetInvoice(invoice.getId());
        assertThat(paid.getStatus()).isEqualTo(InvoiceStatus.PAID);
        assertThat(paid.getOpenAmount()).isEqualByComparingTo("0.00");
    }
}
