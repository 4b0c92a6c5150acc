package dev.ebayalerts.alerts.alert;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.Set;

/**
 * The search's fields agree with each other: the currency is the marketplace's, a postal code comes
 * with its country, the bid range is a range and only asked of auctions, and no seller is both
 * wanted and excluded. Each violation names the field to change.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = ValidSearchFilters.Validator.class)
@interface ValidSearchFilters {

  String message() default "must agree with the alert's other fields";

  Class<?>[] groups() default {};

  Class<? extends Payload>[] payload() default {};

  class Validator implements ConstraintValidator<ValidSearchFilters, AlertRequest> {

    private static final Set<BuyingOption> WITHOUT_BIDS =
        Set.of(BuyingOption.FIXED_PRICE, BuyingOption.BEST_OFFER);

    @Override
    public boolean isValid(AlertRequest request, ConstraintValidatorContext context) {
      context.disableDefaultConstraintViolation();
      boolean valid = true;
      if (request.currency() != null
          && request.marketplace() != null
          && !request.currency().equals(request.marketplace().currency())) {
        valid =
            violation(
                context,
                "currency",
                "must be %s, the currency of %s: choose the marketplace to change it"
                    .formatted(request.marketplace().currency(), request.marketplace()));
      }
      if (request.shipToPostalCode() != null && request.shipToCountry() == null) {
        valid =
            violation(context, "shipToCountry", "must be given with shipToPostalCode: its country");
      }
      if (request.minBids() != null
          && request.maxBids() != null
          && request.minBids() > request.maxBids()) {
        valid = violation(context, "maxBids", "must be greater than or equal to minBids");
      }
      if ((request.minBids() != null || request.maxBids() != null)
          && WITHOUT_BIDS.contains(request.buyingOption())) {
        valid =
            violation(
                context,
                request.minBids() != null ? "minBids" : "maxBids",
                "must be empty unless auctions are wanted: buyingOption %s has no bids"
                    .formatted(request.buyingOption()));
      }
      if (request.sellers() != null && request.excludedSellers() != null) {
        for (String seller : request.sellers()) {
          if (seller != null && request.excludedSellers().contains(seller)) {
            valid =
                violation(
                    context,
                    "excludedSellers",
                    // The name stays out of the message: it is the client's text, and messages
                    // are templates.
                    "must not hold a seller that sellers asks for");
            break;
          }
        }
      }
      return valid;
    }

    private static boolean violation(
        ConstraintValidatorContext context, String field, String message) {
      context
          .buildConstraintViolationWithTemplate(message)
          .addPropertyNode(field)
          .addConstraintViolation();
      return false;
    }
  }
}
