package dev.ebayalerts.alerts.alert;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.time.DateTimeException;
import java.time.ZoneId;

/** Quiet hours have both ends or none, and the time zone is one Java knows. */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = ValidNoticeRules.Validator.class)
@interface ValidNoticeRules {

  String message() default "invalid notice rules";

  Class<?>[] groups() default {};

  Class<? extends Payload>[] payload() default {};

  class Validator implements ConstraintValidator<ValidNoticeRules, NoticeRules> {

    @Override
    public boolean isValid(NoticeRules rules, ConstraintValidatorContext context) {
      context.disableDefaultConstraintViolation();
      boolean valid = true;
      if ((rules.quietStart() == null) != (rules.quietEnd() == null)) {
        valid = false;
        violation(
            context,
            rules.quietStart() == null ? "quietStart" : "quietEnd",
            "must be given together with "
                + (rules.quietStart() == null ? "quietEnd" : "quietStart")
                + " (HH:mm), or both left out");
      }
      if (rules.timeZone().length() <= 64 && !knownZone(rules.timeZone())) {
        valid = false;
        violation(context, "timeZone", "must be an IANA time zone such as Europe/Berlin or UTC");
      }
      return valid;
    }

    private static boolean knownZone(String zone) {
      try {
        ZoneId.of(zone);
        return true;
      } catch (DateTimeException e) {
        return false;
      }
    }

    private static void violation(ConstraintValidatorContext context, String field, String text) {
      context
          .buildConstraintViolationWithTemplate(text)
          .addPropertyNode(field)
          .addConstraintViolation();
    }
  }
}
