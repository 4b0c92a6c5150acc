package dev.ebayalerts.ebaymock;

import java.util.concurrent.atomic.AtomicLong;
import org.springframework.stereotype.Component;

/** Counts the requests the mock served, so tests can check how often a client called. */
@Component
public class RequestStats {

  private final AtomicLong tokenRequests = new AtomicLong();
  private final AtomicLong searchRequests = new AtomicLong();

  public void tokenRequested() {
    tokenRequests.incrementAndGet();
  }

  public void searchRequested() {
    searchRequests.incrementAndGet();
  }

  public Snapshot snapshot() {
    return new Snapshot(tokenRequests.get(), searchRequests.get());
  }

  public void reset() {
    tokenRequests.set(0);
    searchRequests.set(0);
  }

  /** Counts since start or the last reset. */
  public record Snapshot(long tokenRequests, long searchRequests) {}
}
