/**
 * Redaction: the {@link dev.telltale.api.redact.Redactor} SPI, through which a program adds its own
 * rules to Telltale's built-in ones (passwords in {@code key=value} pairs, bearer tokens, AWS keys,
 * GitHub and Slack tokens, JWTs, PEM private keys, card numbers, URL passwords).
 */
package dev.telltale.api.redact;
