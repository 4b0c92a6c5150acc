package dev.ebayalerts.alerts.alert;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.stream.Collectors;

/** The frequency is one of the configured {@link AlertSettings#frequencies()}. */
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = AllowedFrequency.Validator.class)
@interface AllowedFrequency {

  String message() default "must be one of the allowed frequencies";

  Class<?>[] groups() default {};

  Class<? extends Payload>[] payload() default {};

  class Validator implements ConstraintValidator<AllowedFrequency, Integer> {

    private final AlertSettings settings;

    Validator(AlertSettings settings) {
      this.settings = settings;
    }

    @Override
    public boolean isValid(Integer value, ConstraintValidatorContext context) {
      if (value == null || settings.allows(value)) {
        return true;
      }
      context.disableDefaultConstraintViolation();
      context
          .buildConstraintViolationWithTemplate(
              "must be one of "
                  + settings.frequencies().stream()
                      .map(String::valueOf)
                      .collect(Collectors.joining(", "))
                  + " (minutes)")
          .addConstraintViolation();
      return false;
    }
  }
}
