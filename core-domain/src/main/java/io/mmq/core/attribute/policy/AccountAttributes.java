package io.mmq.core.attribute.policy;

import io.mmq.core.resource.model.Publisher;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The account attributes of a resource's publisher (R2; the patent's "user attribute
 * information"): known flag (1 or 0), level, log1p(followers), verticality, authority,
 * log1p(age in days), and each of the publisher's own attributes under {@code
 * account.attr.<name>}. An unknown publisher gives 0 everywhere.
 */
final class AccountAttributes {
  static final String KNOWN = "account.known";
  static final String LEVEL = "account.level";
  static final String FOLLOWERS_LOG = "account.followers_log";
  static final String VERTICALITY = "account.verticality";
  static final String AUTHORITY = "account.authority";
  static final String AGE_DAYS_LOG = "account.age_days_log";
  static final String ATTRIBUTE_PREFIX = "account.attr.";

  static final List<String> KEYS =
      List.of(KNOWN, LEVEL, FOLLOWERS_LOG, VERTICALITY, AUTHORITY, AGE_DAYS_LOG);

  private AccountAttributes() {}

  static Map<String, Double> of(Publisher publisher) {
    Map<String, Double> atomic = new TreeMap<>();
    atomic.put(KNOWN, publisher.isKnown() ? 1.0 : 0.0);
    atomic.put(LEVEL, (double) publisher.level());
    atomic.put(FOLLOWERS_LOG, Math.log1p(publisher.followers()));
    atomic.put(VERTICALITY, publisher.verticality());
    atomic.put(AUTHORITY, publisher.authority());
    atomic.put(AGE_DAYS_LOG, Math.log1p(publisher.ageDays()));
    publisher.attributes().forEach((name, value) -> atomic.put(ATTRIBUTE_PREFIX + name, value));
    return atomic;
  }
}
