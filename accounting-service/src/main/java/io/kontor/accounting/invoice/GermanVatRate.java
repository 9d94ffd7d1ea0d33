package io.kontor.accounting.invoice;

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

/** A VAT rate in percent that German law knows (§12 UStG): 19 standard, 7 reduced, 0 (exempt, reverse charge). */
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.TYPE_USE})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = GermanVatRate.Validator.class)
public @interface GermanVatRate {

    List<BigDecimal> RATES = List.of(BigDecimal.valueOf(19), BigDecimal.valueOf(7), BigDecimal.ZERO);

    String message() default "must be 19, 7 or 0";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<GermanVatRate, BigDecimal> {

        @Override
        public boolean isValid(BigDecimal rate, ConstraintValidatorContext context) {
            return rate == null || RATES.stream().anyMatch(allowed -> allowed.compareTo(rate) == 0);
        }
    }
}
