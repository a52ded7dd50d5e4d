package community.doorstep.checkin;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import community.doorstep.DoorstepException;
import community.doorstep.InvalidInputException;
import community.doorstep.internal.GuardedHttp;
import community.doorstep.notify.Address;
import community.doorstep.notify.DeliveryException;
import community.doorstep.notify.Message;
import community.doorstep.notify.Notifier;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Sends {@link Address.Channel#SMS} messages through the SMS gateway of the message's site: Twilio's Messages API
 * (a form post with the account's basic authentication), or android-sms-gateway's message endpoint (JSON, with the
 * message id so the gateway drops a repeat). The text is the message's text; the number and the text never reach an
 * error message or a log.
 */
final class GatewayNotifier implements Notifier, AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_ANSWER_BYTES = 64 * 1024;

    private final CheckInStore store;
    private final GuardedHttp http;
    private final Set<String> trustedHosts;

    GatewayNotifier(CheckInStore store, Duration timeout, Set<String> trustedHosts) {
        this.store = store;
        this.http = new GuardedHttp(timeout);
        this.trustedHosts = trustedHosts.stream().map(host -> host.toLowerCase(Locale.ROOT))
                .collect(Collectors.toUnmodifiableSet());
    }

    @Override
    public void send(Message message) {
        if (message.to().channel() != Address.Channel.SMS) {
            throw DeliveryException.permanent("message " + message.id() + " is not addressed to a phone");
        }
        SmsGateway gateway = store.gateway(message.siteId()).filter(SmsGateway::sends).orElseThrow(() ->
                DeliveryException.permanent("site " + message.siteId() + " has no SMS gateway that sends texts"));
        SmsGateway.Sender sender = gateway.sender();
        URI endpoint = sender.endpoint() != null ? sender.endpoint() : gateway.kind().defaultEndpoint();
        Map<String, String> headers = new LinkedHashMap<>();
        byte[] body;
        URI target;
        if (gateway.kind() == SmsGateway.Kind.TWILIO) {
            target = URI.create(endpoint.toString().replaceAll("/+$", "") + "/2010-04-01/Accounts/"
                    + URLEncoder.encode(sender.account(), StandardCharsets.UTF_8) + "/Messages.json");
            headers.put("authorization", basic(sender.account(), gateway.secret()));
            headers.put("content-type", "application/x-www-form-urlencoded");
            body = ("To=" + form(message.to().target()) + "&From=" + form(sender.from()) + "&Body=" + form(message.text()))
                    .getBytes(StandardCharsets.UTF_8);
        } else {
            target = endpoint;
            headers.put("authorization", basic(sender.account(), sender.password()));
            headers.put("content-type", "application/json");
            body = json(Map.of("id", message.id(), "textMessage", Map.of("text", message.text()),
                    "phoneNumbers", List.of(message.to().target())));
        }
        GuardedHttp.Answer answer;
        try {
            answer = http.send("POST", target, headers, body, trustedHosts, MAX_ANSWER_BYTES);
        } catch (InvalidInputException e) {
            throw DeliveryException.permanent("the SMS gateway of site " + message.siteId()
                    + " is refused: it is a private or local address, and its host is not trusted");
        } catch (DoorstepException e) {
            throw DeliveryException.retry("could not reach the SMS gateway for message " + message.id(), e);
        }
        int status = answer.status();
        if (status >= 200 && status < 300) {
            return;
        }
        // a number the gateway cannot text will not become one; anything else (a login, an outage) may pass
        if (status == 400 || status == 404 || status == 422) {
            throw DeliveryException.permanent("the SMS gateway refused message " + message.id() + " with " + status);
        }
        throw DeliveryException.retry("the SMS gateway answered " + status + " to message " + message.id(), null);
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    private static String form(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static byte[] json(Map<String, Object> value) {
        try {
            return JSON.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("strings, maps and lists always serialise", e);
        }
    }

    @Override
    public void close() {
        http.close();
    }
}
