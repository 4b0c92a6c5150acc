package dev.ebayalerts.alerts.consent;

import dev.ebayalerts.alerts.alert.AlertControl;
import dev.ebayalerts.pubsub.links.UnsubscribeLinks;
import io.swagger.v3.oas.annotations.Hidden;
import java.util.Optional;
import java.util.UUID;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.ModelAndView;

/**
 * The unsubscribe link of alert emails. Opening it only asks for confirmation, because mail
 * scanners open every link in an email; the confirmation button, or a mail client's one-click
 * unsubscribe (RFC 8058, a POST with {@code List-Unsubscribe=One-Click}), pauses the alert. Pages
 * for people, so not part of the documented API.
 */
@Hidden
@Controller
class UnsubscribeController {

  private final UnsubscribeLinks links;
  private final AlertControl alerts;

  UnsubscribeController(UnsubscribeLinks links, AlertControl alerts) {
    this.links = links;
    this.alerts = alerts;
  }

  @GetMapping("/unsubscribe/{token}")
  ModelAndView confirm(@PathVariable String token) {
    if (links.alertIdOf(token).isEmpty()) {
      return page("invalid", HttpStatus.NOT_FOUND);
    }
    return page("confirm", HttpStatus.OK).addObject("token", token);
  }

  @PostMapping("/unsubscribe/{token}")
  ModelAndView unsubscribe(@PathVariable String token) {
    Optional<UUID> alertId = links.alertIdOf(token);
    if (alertId.isEmpty()) {
      return page("invalid", HttpStatus.NOT_FOUND);
    }
    // A deleted alert sends nothing either: what the person asked for holds, so 200 as well.
    return page(pause(alertId.get()) ? "paused" : "deleted", HttpStatus.OK);
  }

  private boolean pause(UUID alertId) {
    try {
      return alerts.pause(alertId);
    } catch (OptimisticLockingFailureException e) {
      return alerts.pause(alertId); // changed at the same moment: pausing the new version is right
    }
  }

  private static ModelAndView page(String state, HttpStatus status) {
    ModelAndView page = new ModelAndView("unsubscribe", status);
    page.addObject("state", state);
    return page;
  }
}
