package dev.ebayalerts.alerts.channel;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.net.URI;
import java.util.regex.Pattern;

/** A channel names what its type needs: a web URL, or a Telegram chat id. */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = ValidChannel.Validator.class)
@interface ValidChannel {

  String message() default "invalid channel";

  Class<?>[] groups() default {};

  Class<? extends Payload>[] payload() default {};

  class Validator implements ConstraintValidator<ValidChannel, ChannelRequest> {

    private static final Pattern CHAT_ID =
        Pattern.compile("-?\\d{1,20}|@[A-Za-z][A-Za-z0-9_]{4,31}");

    @Override
    public boolean isValid(ChannelRequest channel, ConstraintValidatorContext context) {
      if (channel.type() == null) {
        return true;
      }
      context.disableDefaultConstraintViolation();
      if (channel.type().needsUrl() && !webUrl(channel.url())) {
        return violation(
            context, "url", "must be the http(s) URL of the " + channel.type() + " webhook");
      }
      if (channel.type() == ChannelType.TELEGRAM
          && (channel.chatId() == null || !CHAT_ID.matcher(channel.chatId()).matches())) {
        return violation(
            context, "chatId", "must be a Telegram chat id such as -1001234567890 or @channelname");
      }
      return true;
    }

    private static boolean webUrl(String url) {
      if (url == null || url.length() > 500) {
        return url != null; // too long is reported by @Size
      }
      try {
        URI uri = URI.create(url);
        return ("https".equalsIgnoreCase(uri.getScheme())
                || "http".equalsIgnoreCase(uri.getScheme()))
            && uri.getHost() != null;
      } catch (IllegalArgumentException e) {
        return false;
      }
    }

    private static boolean violation(
        ConstraintValidatorContext context, String field, String text) {
      context
          .buildConstraintViolationWithTemplate(text)
          .addPropertyNode(field)
          .addConstraintViolation();
      return false;
    }
  }
}
