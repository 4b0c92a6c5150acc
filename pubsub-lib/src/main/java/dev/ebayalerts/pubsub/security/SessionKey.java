package dev.ebayalerts.pubsub.security;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A session key setting: the Ed25519 private key that signs sessions (alerts-service) or the public
 * key that checks them (analytics-service). The message names the variable and how to make one.
 */
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = SessionKey.Validator.class)
public @interface SessionKey {

  /** The environment variable that sets it. */
  String variable();

  /** Whether it is the private key (else the public one). */
  boolean privateKey();

  String message() default "";

  Class<?>[] groups() default {};

  Class<? extends Payload>[] payload() default {};

  /** How an operator makes the pair, in every message. */
  String HOW =
      "openssl genpkey -algorithm ed25519 -out session-key.pem, then ALERTS_SESSION_SIGNING_KEY ="
          + " `openssl pkey -in session-key.pem -outform DER | base64 -w0` (alerts-service) and"
          + " ALERTS_SESSION_VERIFY_KEY = `openssl pkey -in session-key.pem -pubout -outform DER |"
          + " base64 -w0` (analytics-service)";

  class Validator implements ConstraintValidator<SessionKey, String> {

    private String variable;
    private boolean privateKey;

    @Override
    public void initialize(SessionKey annotation) {
      variable = annotation.variable();
      privateKey = annotation.privateKey();
    }

    @Override
    public boolean isValid(String value, ConstraintValidatorContext context) {
      String problem = null;
      if (value == null || value.isBlank()) {
        problem = "must be set";
      } else {
        try {
          if (privateKey) {
            SessionTokens.signing(value);
          } else {
            SessionTokens.verifying(value);
          }
        } catch (IllegalArgumentException e) {
          problem = "is " + e.getMessage();
        }
      }
      if (problem == null) {
        return true;
      }
      context.disableDefaultConstraintViolation();
      context
          .buildConstraintViolationWithTemplate(
              variable + " " + problem + ": make a pair with " + HOW)
          .addConstraintViolation();
      return false;
    }
  }
}
