package dev.ebayalerts.pubsub.security;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A secret setting that could not have been guessed, checked the same way in both services: set,
 * not a placeholder (the values in {@code .env.example} are public, and so is any value saying
 * "change me" or "example"), and random enough: at least {@value Validator#MIN_BITS} bits by the
 * Shannon entropy of its characters, which {@code openssl rand -base64 48} gives four times over
 * and a readable phrase does not reach without repeating itself. The message names the environment
 * variable and how to make a value.
 */
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = StrongSecret.Validator.class)
public @interface StrongSecret {

  /** The environment variable that sets it, named in the message. */
  String variable();

  String message() default "";

  Class<?>[] groups() default {};

  Class<? extends Payload>[] payload() default {};

  /** Checks a value; {@link #problem} says what is wrong with one, in words for its operator. */
  class Validator implements ConstraintValidator<StrongSecret, String> {

    public static final int MIN_BITS = 128;

    /** Words in placeholders and examples; none is likely in a random value. */
    private static final List<String> PLACEHOLDERS =
        List.of(
            "change-me",
            "changeme",
            "change_me",
            "placeholder",
            "example",
            "not-a-secret",
            "your-",
            "replace-");

    private String variable;

    @Override
    public void initialize(StrongSecret annotation) {
      variable = annotation.variable();
    }

    @Override
    public boolean isValid(String value, ConstraintValidatorContext context) {
      String problem = problem(value);
      if (problem == null) {
        return true;
      }
      context.disableDefaultConstraintViolation();
      context
          .buildConstraintViolationWithTemplate(
              variable
                  + " "
                  + problem
                  + ": set it to a random value of its own, e.g. from `openssl rand -base64 48`")
          .addConstraintViolation();
      return false;
    }

    public static String problem(String value) {
      if (value == null || value.isBlank()) {
        return "must be set";
      }
      String lower = value.toLowerCase(Locale.ROOT);
      for (String placeholder : PLACEHOLDERS) {
        if (lower.contains(placeholder)) {
          return "is a placeholder (it contains \"" + placeholder + "\")";
        }
      }
      if (bits(value) < MIN_BITS) {
        return "is too easy to guess (about "
            + Math.round(bits(value))
            + " bits; "
            + MIN_BITS
            + " needed)";
      }
      return null;
    }

    /** Its length times the Shannon entropy of its characters. */
    static double bits(String value) {
      Map<Integer, Integer> counts = new HashMap<>();
      value.codePoints().forEach(c -> counts.merge(c, 1, Integer::sum));
      int length = value.codePointCount(0, value.length());
      double perCharacter = 0;
      for (int count : counts.values()) {
        double p = (double) count / length;
        perCharacter -= p * (Math.log(p) / Math.log(2));
      }
      return perCharacter * length;
    }
  }
}
