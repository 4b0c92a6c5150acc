package dev.ebayalerts.alerts.alert;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** The minimum price is not above the maximum; the violation is reported on {@code maxPrice}. */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = ValidPriceRange.Validator.class)
@interface ValidPriceRange {

  String message() default "must be greater than or equal to minPrice";

  Class<?>[] groups() default {};

  Class<? extends Payload>[] payload() default {};

  class Validator implements ConstraintValidator<ValidPriceRange, AlertRequest> {

    @Override
    public boolean isValid(AlertRequest request, ConstraintValidatorContext context) {
      if (request.minPrice() == null
          || request.maxPrice() == null
          || request.minPrice().compareTo(request.maxPrice()) <= 0) {
        return true;
      }
      context.disableDefaultConstraintViolation();
      context
          .buildConstraintViolationWithTemplate(context.getDefaultConstraintMessageTemplate())
          .addPropertyNode("maxPrice")
          .addConstraintViolation();
      return false;
    }
  }
}
