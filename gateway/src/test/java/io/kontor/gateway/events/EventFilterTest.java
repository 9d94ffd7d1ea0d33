package io.kontor.gateway.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kontor.platform.problem.InvalidFieldProblem;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class EventFilterTest {

    @ParameterizedTest(name = "{0} sees {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "sales          | sales",
                "accounting     | accounting",
                "hr             | hr",
                "project-office | projects,product-development",
                "product-development | product-development",
                "legal          | legal",
                "middle-office  | accounting,projects,sales",
                "admin          | accounting,approvals,hr,legal,process,projects,product-development,sales",
                "process-owner  | approvals,process",
                "front-office   | ''",
                "hr,sales       | hr,sales"
            })
    void each_role_sees_the_events_of_its_domains(String roles, String domains) {
        Set<String> visible = EventVisibility.visibleDomains(Set.of(roles.split(",")));

        assertThat(visible)
                .containsExactlyInAnyOrderElementsOf(domains.isEmpty() ? List.of() : List.of(domains.split(",")));
    }

    @ParameterizedTest(name = "types={0}: {1} passes {2}")
    @CsvSource(
            delimiter = '|',
            value = {
                "''                                                    | kontor.sales.offer-sent.v1        | true",
                "sales                                                 | kontor.sales.offer-sent.v1        | true",
                "sales                                                 | kontor.accounting.invoice-paid.v1 | false",
                "sales.offer-sent                                      | kontor.sales.offer-sent.v1        | true",
                "sales.offer-sent                                      | kontor.sales.offer-sent.v2        | true",
                "sales.offer                                           | kontor.sales.offer-sent.v1        | false",
                "kontor.sales.offer-sent.v1                            | kontor.sales.offer-sent.v2        | false",
                "'accounting.invoice-paid, sales.offer-accepted'       | kontor.sales.offer-accepted.v1    | true",
                "hr                                                    | kontor.hr.application-received.v1 | false",
                "''                                                    | com.example.other.v1              | false",
                "product-development.requirement-approved | kontor.product-development.requirement-approved.v1 | false"
            })
    void types_narrow_what_the_role_may_see(String types, String eventType, boolean passes) {
        TypeFilter filter = TypeFilter.of(types, Set.of("sales", "accounting"));

        assertThat(filter.test(new StreamedEvent("e1", eventType, "/kontor/x", "a1", null, "{}")))
                .isEqualTo(passes);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(
            strings = {
                "billing",
                "billing.invoice-sent",
                "Sales",
                "sales.offer sent",
                "kontor.sales.offer-sent",
                "kontor.marketing.campaign-started.v1",
                "sales/offer-sent"
            })
    void an_entry_that_is_no_kontor_type_is_refused_naming_the_field(String types) {
        assertThatThrownBy(() -> TypeFilter.of(types, Set.of("sales")))
                .isInstanceOf(InvalidFieldProblem.class)
                .satisfies(problem -> assertThat(((InvalidFieldProblem) problem).violations())
                        .extracting(violation -> violation.field())
                        .containsExactly("types"));
    }
}
