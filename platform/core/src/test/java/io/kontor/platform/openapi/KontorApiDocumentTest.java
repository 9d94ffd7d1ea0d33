package io.kontor.platform.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.media.Schema.SchemaType;
import org.junit.jupiter.api.Test;

class KontorApiDocumentTest {

    @Test
    void operations_are_named_per_domain_so_that_services_do_not_collide_in_the_merged_document() {
        Set<String> taken = new TreeSet<>();
        assertThat(KontorApiDocument.operationId("sales", "CustomerResource_getCustomer", taken))
                .isEqualTo("salesGetCustomer");
        assertThat(KontorApiDocument.operationId("accounting", "InvoiceResource_list", taken))
                .isEqualTo("accountingListInvoice");
        assertThat(KontorApiDocument.operationId("gateway", "CustomerOverviewResource_overview", taken))
                .isEqualTo("gatewayCustomerOverview");
        assertThat(KontorApiDocument.operationId("productDevelopment", "io.kontor.x.BacklogResource_get", taken))
                .isEqualTo("productDevelopmentGetBacklog");
    }

    @Test
    void a_name_taken_twice_in_one_service_takes_its_resource_and_then_a_number() {
        Set<String> taken = new TreeSet<>();
        assertThat(KontorApiDocument.operationId("hr", "EmployeeResource_getDocument", taken))
                .isEqualTo("hrGetDocument");
        assertThat(KontorApiDocument.operationId("hr", "ContractResource_getDocument", taken))
                .isEqualTo("hrContractGetDocument");
        assertThat(KontorApiDocument.operationId("hr", "ContractResource_getDocument", taken))
                .isEqualTo("hrContractGetDocument2");
    }

    @Test
    void a_bounded_amount_gets_its_own_schema_so_that_resolving_references_cannot_spread_its_bounds() {
        Schema decimal = OASFactory.createSchema().addType(SchemaType.NUMBER).format("decimal");
        Schema bounded = OASFactory.createSchema()
                .ref("#/components/schemas/Decimal")
                .minimum(new BigDecimal("0.01"))
                .maximum(new BigDecimal("100"));
        Schema plain = OASFactory.createSchema().ref("#/components/schemas/Decimal");
        Schema line = OASFactory.createSchema()
                .addType(SchemaType.OBJECT)
                .addProperty("discountPercent", bounded)
                .addProperty("amount", plain)
                .required(List.of("discountPercent", "amount"));
        OpenAPI api = OASFactory.createOpenAPI()
                .components(OASFactory.createComponents()
                        .addSchema("Decimal", decimal)
                        .addSchema("Line", line))
                .paths(OASFactory.createPaths());

        new KontorApiDocument().filterOpenAPI(api);

        Schema discount =
                api.getComponents().getSchemas().get("Line").getProperties().get("discountPercent");
        assertThat(discount.getRef()).isNull();
        assertThat(discount.getType()).containsExactly(SchemaType.NUMBER);
        assertThat(discount.getFormat()).isEqualTo("decimal");
        assertThat(discount.getMaximum()).isEqualByComparingTo("100");
        assertThat(api.getComponents()
                        .getSchemas()
                        .get("Line")
                        .getProperties()
                        .get("amount")
                        .getRef())
                .isEqualTo("#/components/schemas/Decimal");
        Schema shared = api.getComponents().getSchemas().get("Decimal");
        assertThat(shared.getMinimum()).isNull();
        assertThat(shared.getMaximum()).isNull();
    }
}
