package dev.ebayalerts.alerts.alert;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

interface Alerts extends JpaRepository<Alert, UUID> {

  Optional<Alert> findByIdAndEmail(UUID id, String email);

  List<Alert> findTop100ByPendingTrueAndCreatedAtBefore(Instant before);
}
