package dev.ebayalerts.alerts.account;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code subscriber} table: which addresses their owners confirmed. */
@Repository
class Subscribers {

  private final JdbcClient jdbc;

  Subscribers(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * Records the address if new and claims the right to send it a confirmation email: true only if
   * it is unconfirmed and no confirmation went out within {@code resendAfter}. The claim is one
   * atomic update, so concurrent requests send one email.
   */
  boolean claimConfirmationEmail(String email, Instant now, Duration resendAfter) {
    jdbc.sql(
            "insert into subscriber (email, created_at) values (:email, :now) on conflict do"
                + " nothing")
        .param("email", email)
        .param("now", Timestamp.from(now))
        .update();
    return jdbc.sql(
                """
                update subscriber set confirmation_sent_at = :now
                where email = :email and confirmed_at is null
                  and (confirmation_sent_at is null or confirmation_sent_at <= :before)
                """)
            .param("now", Timestamp.from(now))
            .param("before", Timestamp.from(now.minus(resendAfter)))
            .param("email", email)
            .update()
        == 1;
  }

  void confirm(String email, Instant now) {
    jdbc.sql(
            """
            insert into subscriber (email, created_at, confirmed_at) values (:email, :now, :now)
            on conflict (email) do update
                set confirmed_at = coalesce(subscriber.confirmed_at, excluded.confirmed_at)
            """)
        .param("email", email)
        .param("now", Timestamp.from(now))
        .update();
  }

  boolean isConfirmed(String email) {
    return jdbc.sql("select count(*) from subscriber where email = ? and confirmed_at is not null")
            .param(email)
            .query(Long.class)
            .single()
        > 0;
  }
}
