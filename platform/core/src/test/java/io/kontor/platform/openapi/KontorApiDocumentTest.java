package io.kontor.platform.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import java.util.TreeSet;
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
}
