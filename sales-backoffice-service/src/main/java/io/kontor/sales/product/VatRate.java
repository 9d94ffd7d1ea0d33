package io.kontor.sales.product;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.math.BigDecimal;
import java.util.List;

/** The value, when given, is a German VAT rate in percent (UStG §12): 19 (standard), 7 (reduced) or 0. */
@Constraint(validatedBy = VatRate.Validator.class)
@Target({ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT})
@Retention(RetentionPolicy.RUNTIME)
public @interface VatRate {

    List<BigDecimal> GERMAN_RATES = List.of(BigDecimal.valueOf(19), BigDecimal.valueOf(7), BigDecimal.ZERO);

    String message() default "must be 19, 7 or 0";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<VatRate, BigDecimal> {

        @Override
        public boolean isValid(BigDecimal value, ConstraintValidatorContext context) {
            // 19.0 is 19; compareTo ignores the scale, equals would not.
            return value == null || GERMAN_RATES.stream().anyMatch(rate -> rate.compareTo(value) == 0);
        }
    }
}
