package io.kontor.sales.customer;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** The value, when given, has the format of an EU VAT id ({@link VatIdFormat}). */
@Constraint(validatedBy = EuVatId.Validator.class)
@Target({ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT})
@Retention(RetentionPolicy.RUNTIME)
public @interface EuVatId {

    String message() default "is not a valid EU VAT id";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<EuVatId, String> {

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            return VatIdFormat.problem(value)
                    .map(problem -> {
                        context.disableDefaultConstraintViolation();
                        context.buildConstraintViolationWithTemplate(problem).addConstraintViolation();
                        return false;
                    })
                    .orElse(true);
        }
    }
}
