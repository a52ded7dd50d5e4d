package community.doorstep.notify;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import community.doorstep.DoorstepException;
import community.doorstep.InvalidInputException;
import community.doorstep.internal.GuardedHttp;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Posts each message as signed JSON, following the Standard Webhooks specification: headers {@code webhook-id}
 * (the message id, the same on every retry), {@code webhook-timestamp} and {@code webhook-signature}.
 * Redirects are never followed, and private or local addresses are refused unless their host is trusted.
 */
final class WebhookNotifier implements Notifier, AutoCloseable {
    /** The receiver's answer is read only to be dropped; more than this is not worth reading. */
    static final int MAX_ANSWER_BYTES = 64 * 1024;

    private static final ObjectMapper JSON = new ObjectMapper();

    private final GuardedHttp http;
    private final Set<String> trustedHosts;
    private final Clock clock;

    WebhookNotifier(Duration timeout, Set<String> trustedHosts, Clock clock) {
        this.http = new GuardedHttp(Objects.requireNonNull(timeout, "timeout"));
        // GuardedHttp compares lower-case host names
        this.trustedHosts = trustedHosts == null ? Set.of() : trustedHosts.stream()
                .map(host -> host.toLowerCase(Locale.ROOT))
                .collect(Collectors.toUnmodifiableSet());
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public void send(Message message) {
        Address to = message.to();
        if (to.channel() != Address.Channel.WEBHOOK) {
            throw DeliveryException.permanent("message " + message.id() + " is not addressed to a webhook");
        }
        URI endpoint;
        try {
            endpoint = URI.create(to.target());
        } catch (IllegalArgumentException e) {
            throw DeliveryException.permanent("the webhook address of message " + message.id() + " is not a URL");
        }
        String body = body(message);
        long timestamp = clock.instant().getEpochSecond();
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("content-type", "application/json");
        headers.put("webhook-id", message.id());
        headers.put("webhook-timestamp", Long.toString(timestamp));
        headers.put("webhook-signature", WebhookSignature.sign(to.secret(), message.id(), timestamp, body));

        GuardedHttp.Answer answer;
        try {
            answer = http.send("POST", endpoint, headers, body.getBytes(StandardCharsets.UTF_8), trustedHosts,
                    MAX_ANSWER_BYTES);
        } catch (InvalidInputException e) {
            throw DeliveryException.permanent("the webhook address of message " + message.id()
                    + " is refused: it is a private or local address, and its host is not trusted");
        } catch (DoorstepException e) {
            throw DeliveryException.retry("could not reach the webhook endpoint for message " + message.id(), e);
        }
        int status = answer.status();
        if (status >= 200 && status < 300) {
            return;
        }
        if (status == 410) {
            throw DeliveryException.gone("the webhook endpoint answered 410 Gone");
        }
        throw DeliveryException.retry("the webhook endpoint answered " + status + " to message " + message.id(),
                null);
    }

    /** The JSON body: type, timestamp (when the change happened) and data, with the subject and text in it. */
    static String body(Message message) {
        // sorted, so a retry after a restart sends the same bytes
        Map<String, Object> data = new LinkedHashMap<>();
        data.putAll(new TreeMap<String, String>(message.data()));
        data.put("subject", message.subject());
        data.put("text", message.text());
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("type", message.type());
        payload.put("timestamp", message.createdAt().toString());
        payload.put("data", data);
        try {
            return JSON.writeValueAsString(payload);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a map of strings always serialises", e);
        }
    }

    /** Stops the HTTP client and its threads. */
    @Override
    public void close() {
        http.close();
    }
}
