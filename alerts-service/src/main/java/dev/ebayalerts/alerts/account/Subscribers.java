package dev.ebayalerts.alerts.account;

import java.sql.Timestamp;
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
