package dev.ebayalerts.alerts.alert;

import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

interface Alerts extends JpaRepository<Alert, UUID> {}
