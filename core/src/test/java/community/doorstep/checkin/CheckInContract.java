package community.doorstep.checkin;

import community.doorstep.ConflictException;
import community.doorstep.Doorstep;
import community.doorstep.ForbiddenException;
import community.doorstep.InvalidInputException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import community.doorstep.internal.Sealer;
import community.doorstep.notify.Address;
import community.doorstep.notify.OutboxEntry;
import community.doorstep.site.Site;
import community.doorstep.store.Stores;
import community.doorstep.testing.MutableClock;
import community.doorstep.testing.TestDoorstep;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What check-ins must do on every store (memory, H2, PostgreSQL): alert on time and exactly once per tier, escalate
 * only when nobody acknowledged, send the all-clear to everyone alerted, and leave nothing but counts behind.
 */
public abstract class CheckInContract {
    protected static final String SITE = TestDoorstep.SITE;
    protected static final Instant NOW = Instant.parse("2026-03-03T09:00:00Z");
    protected static final byte[] KEY = Sealer.newKey();

    protected abstract Stores openStores();

    protected void closeStores() {
    }

    protected final MutableClock clock = new MutableClock(NOW);
    protected Stores stores;
    protected Doorstep doorstep;
    protected CheckInService checkIns;
    protected Circle circle;

    @BeforeEach
    void open() {
        stores = openStores();
        doorstep = node(stores);
        doorstep.sites().saveSite(Site.of(SITE, "Hulme Community Partnership"));
        checkIns = doorstep.checkIns();
        circle = checkIns.createCircle(SITE, "Reporting support", List.of(
                new Responder("Ana", Address.email("ana@volunteers.example"), 1),
                new Responder("Ben", Address.email("ben@volunteers.example"), 1),
                new Responder("Cai", Address.webhookWithNewSecret("https://cai.example/hook"), 2)),
                Duration.ofMinutes(10));
    }

    protected Doorstep node(Stores on) {
        return Doorstep.builder().stores(on).clock(clock).encryptionKey(KEY)
                .publicAddress(URI.create("https://hulme.example/doorstep/"))
                .smsGatewayHosts(Set.of("127.0.0.1")).build();
    }

    @AfterEach
    void close() {
        doorstep.close();
        closeStores();
    }

    protected Started startDueInAnHour(String note, String pin) {
        return checkIns.start(SITE, new CheckInPlan("Sparrow", note, circle.id(), NOW.plus(Duration.ofHours(1)), 5,
                Address.email("sparrow@person.example"), pin));
    }

    protected List<OutboxEntry> sent(String type) {
        return doorstep.outbox().recent(SITE, 200).stream().filter(entry -> entry.message().type().equals(type)).toList();
    }

    protected List<String> alertedTargets() {
        return sent("checkin.alert-missed").stream().map(entry -> entry.message().to().target()).sorted().toList();
    }

    @Test
    void aMissedCheckInAlertsTheFirstTierAtDuePlusGraceToTheSecondAndOnlyOnce() {
        startDueInAnHour("Reporting at Dallas Court, call the duty solicitor", null);
        clock.set(NOW.plus(Duration.ofMinutes(65)).minusSeconds(1));
        doorstep.runDueWork();
        assertThat(alertedTargets()).isEmpty();

        clock.set(NOW.plus(Duration.ofMinutes(65)));
        doorstep.runDueWork();
        doorstep.runDueWork();
        assertThat(alertedTargets()).containsExactly("ana@volunteers.example", "ben@volunteers.example");
        OutboxEntry alert = sent("checkin.alert-missed").get(0);
        assertThat(alert.message().text()).contains("Sparrow", "Reporting at Dallas Court", "5 minutes ago",
                "https://hulme.example/doorstep/w/hulme/checkin/respond/")
                .doesNotContain("sparrow@person.example");
    }

    @Test
    void nobodyAcknowledgingEscalatesToTheNextTierAndNobodyIsAlertedTwice() {
        startDueInAnHour("note", null);
        clock.set(NOW.plus(Duration.ofMinutes(65)));
        doorstep.runDueWork();
        clock.advance(Duration.ofMinutes(10));
        doorstep.runDueWork();
        doorstep.runDueWork();
        assertThat(sent("checkin.alert-missed")).extracting(e -> e.message().to().target()).containsExactlyInAnyOrder(
                "ana@volunteers.example", "ben@volunteers.example", "https://cai.example/hook");
        clock.advance(Duration.ofHours(2));
        doorstep.runDueWork();
        assertThat(sent("checkin.alert-missed")).hasSize(3);
    }

    @Test
    void escalationSkipsATierNobodyIsIn() {
        Circle gapped = checkIns.createCircle(SITE, "Tiers one and three", List.of(
                new Responder("Ana", Address.email("ana@volunteers.example"), 1),
                new Responder("Dee", Address.email("dee@volunteers.example"), 3)), Duration.ofMinutes(10));
        checkIns.start(SITE, new CheckInPlan("Sparrow", "note", gapped.id(), NOW.plus(Duration.ofHours(1)), 0, null, null));
        clock.set(NOW.plus(Duration.ofMinutes(60)));
        doorstep.runDueWork();
        clock.advance(Duration.ofMinutes(10));
        doorstep.runDueWork();
        assertThat(alertedTargets()).containsExactly("ana@volunteers.example", "dee@volunteers.example");
    }

    @Test
    void anAcknowledgementTellsTheOthersStopsEscalationAndTheAllClearReachesEveryoneAlerted() {
        Started started = startDueInAnHour("note", null);
        clock.set(NOW.plus(Duration.ofMinutes(65)));
        doorstep.runDueWork();
        String anasLink = responderToken("ana@volunteers.example");
        clock.advance(Duration.ofMinutes(3));
        checkIns.acknowledge(SITE, anasLink);
        assertThat(sent("checkin.acknowledged")).extracting(e -> e.message().to().target())
                .containsExactly("ben@volunteers.example");
        Alert seen = checkIns.alert(SITE, anasLink);
        assertThat(seen).extracting(Alert::nickname, Alert::onIt, Alert::mine, Alert::safe)
                .containsExactly("Sparrow", "Ana", true, false);
        assertThat(seen.alsoAlerted()).containsExactly("Ben");

        clock.advance(Duration.ofMinutes(30));
        doorstep.runDueWork();
        assertThat(alertedTargets()).hasSize(2);

        checkIns.ok(SITE, started.token(), null);
        assertThat(sent("checkin.allclear")).extracting(e -> e.message().to().target())
                .containsExactlyInAnyOrder("ana@volunteers.example", "ben@volunteers.example");
        assertThat(checkIns.alert(SITE, anasLink).safe()).isTrue();
    }

    @Test
    void aFinishedCheckInIsDeletedWithinMinutesWithItsLinksAndOnlyCountsStay() {
        Started started = startDueInAnHour("note", null);
        clock.set(NOW.plus(Duration.ofMinutes(65)));
        doorstep.runDueWork();
        String link = responderToken("ana@volunteers.example");
        clock.advance(Duration.ofSeconds(90));
        checkIns.acknowledge(SITE, link);
        checkIns.seenSafe(SITE, link);
        assertThat(sent("checkin.allclear")).isNotEmpty();
        clock.advance(CheckInService.KEEP_FINISHED);
        doorstep.runDueWork();
        assertThat(checkIns.find(SITE, started.checkIn().id())).isEmpty();
        // the alert, the acknowledgement and the all-clear said its nickname and note: the outbox forgets them too
        assertThat(doorstep.outbox().recent(SITE, 200)).extracting(entry -> entry.message().type())
                .noneMatch(type -> type.startsWith("checkin."));
        assertThatThrownBy(() -> checkIns.checkIn(SITE, started.token())).isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> checkIns.alert(SITE, link)).isInstanceOf(ForbiddenException.class);
        assertThat(checkIns.counts(SITE)).singleElement().satisfies(count -> {
            assertThat(count.checkIns()).isEqualTo(1);
            assertThat(count.alertsRaised()).isEqualTo(1);
            assertThat(count.medianSecondsToAcknowledge()).isEqualTo(90);
        });
    }

    @Test
    void anAlertNobodyClosesIsDeletedAWeekAfterItWasRaised() {
        Started started = startDueInAnHour("note", "1357");
        checkIns.ok(SITE, started.token(), "1357");
        clock.advance(CheckInService.KEEP_UNRESOLVED.minusSeconds(1));
        doorstep.runDueWork();
        assertThat(checkIns.find(SITE, started.checkIn().id())).isPresent();
        clock.advance(Duration.ofSeconds(1));
        doorstep.runDueWork();
        assertThat(checkIns.find(SITE, started.checkIn().id())).isEmpty();
        assertThat(checkIns.counts(SITE)).singleElement().satisfies(count -> assertThat(count.alertsRaised()).isEqualTo(1));
    }

    @Test
    void thePersonsOwnContactsAreToldWithTheFirstTierForThatCheckInOnlyAndGoWithIt() {
        Started started = checkIns.start(SITE, new CheckInPlan("Sparrow", "note", circle.id(),
                NOW.plus(Duration.ofHours(1)), 5, null, null,
                List.of(new Responder("My solicitor", Address.email("solicitor@law.example"), 2))));
        assertThat(checkIns.circles(SITE)).extracting(Circle::id).containsExactly(circle.id());
        clock.set(NOW.plus(Duration.ofMinutes(65)));
        doorstep.runDueWork();
        assertThat(alertedTargets()).containsExactly("ana@volunteers.example", "ben@volunteers.example",
                "solicitor@law.example");
        Alert seen = checkIns.alert(SITE, responderToken("solicitor@law.example"));
        assertThat(seen.alsoAlerted()).containsExactly("Ana", "Ben");
        checkIns.ok(SITE, started.token(), null);
        clock.advance(CheckInService.KEEP_FINISHED);
        doorstep.runDueWork();
        assertThat(CheckInStore.of(stores, null).circle(SITE, started.checkIn().circleId())).isEmpty();
        assertThat(CheckInStore.of(stores, null).circle(SITE, circle.id())).isPresent();
    }

    @Test
    void pressingImOkAtTheMomentTheDeadlineRaisesTheAlertStillEndsItAndSendsTheAllClear() {
        Started started = startDueInAnHour("note", null);
        CheckIn readBeforeTheDeadline = checkIns.find(SITE, started.checkIn().id()).orElseThrow();
        clock.set(NOW.plus(Duration.ofMinutes(65)));
        doorstep.runDueWork();
        assertThat(alertedTargets()).hasSize(2);
        // the person's "I'm OK" was read just before the alert went out, and lands just after it
        checkIns.seenSafe(readBeforeTheDeadline, false);
        assertThat(checkIns.checkIn(SITE, started.token()).state()).isEqualTo(CheckInState.SAFE);
        assertThat(sent("checkin.allclear")).hasSize(2);
    }

    @Test
    void sosAlertsAtOnceAndADuressPinAnswersLikeCheckingInButRaisesTheAlert() {
        Started sos = startDueInAnHour("note", null);
        checkIns.sos(SITE, sos.token());
        assertThat(sent("checkin.alert-sos")).hasSize(2);

        Started duress = startDueInAnHour("note", "2468");
        checkIns.ok(SITE, duress.token(), "2468");
        assertThat(sent("checkin.alert-duress")).hasSize(2).allSatisfy(e ->
                assertThat(e.message().text()).contains("duress code"));
        CheckIn underDuress = checkIns.checkIn(SITE, duress.token());
        assertThat(underDuress.state()).isEqualTo(CheckInState.ALERTED);
        // the person's own page shows it ended, as after any check-in; pressing again takes nothing back
        assertThat(underDuress.endedForThePerson()).isTrue();
        checkIns.ok(SITE, duress.token(), null);
        assertThat(checkIns.checkIn(SITE, duress.token()).state()).isEqualTo(CheckInState.ALERTED);
        assertThat(sent("checkin.allclear")).isEmpty();

        Started plain = startDueInAnHour("note", "2468");
        checkIns.ok(SITE, plain.token(), "1111");
        assertThat(checkIns.checkIn(SITE, plain.token())).extracting(CheckIn::state, CheckIn::endedForThePerson)
                .containsExactly(CheckInState.SAFE, true);
        assertThat(sent("checkin.allclear")).isEmpty();
    }

    @Test
    void theDuressPinAfterTheAlertIsRaisedSendsNoAllClearButTellsEveryoneAlertedAndLaterTiersItIsDuress() {
        Started started = startDueInAnHour("Reporting at Dallas Court", "2468");
        checkIns.sos(SITE, started.token());
        assertThat(sent("checkin.alert-sos")).hasSize(2);
        clock.advance(Duration.ofMinutes(3));
        checkIns.ok(SITE, started.token(), "2468");

        assertThat(sent("checkin.allclear")).as("made to cancel it, the person must not stand the circle down").isEmpty();
        assertThat(sent("checkin.alert-duress")).extracting(e -> e.message().to().target())
                .containsExactlyInAnyOrder("ana@volunteers.example", "ben@volunteers.example");
        CheckIn now = checkIns.find(SITE, started.checkIn().id()).orElseThrow();
        assertThat(now).extracting(CheckIn::state, CheckIn::endedForThePerson, CheckIn::alertKind)
                .containsExactly(CheckInState.ALERTED, true, "alert.duress");

        clock.advance(Duration.ofMinutes(10));
        doorstep.runDueWork();
        assertThat(sent("checkin.alert-duress")).extracting(e -> e.message().to().target())
                .contains("https://cai.example/hook");
        assertThat(sent("checkin.alert-missed")).as("the next tier is told what the first was").isEmpty();
    }

    @Test
    void theNextTierHearsThatHelpWasAskedForNotThatACheckInWasMissed() {
        Started started = startDueInAnHour("note", null);
        checkIns.sos(SITE, started.token());
        clock.advance(Duration.ofMinutes(10));
        doorstep.runDueWork();
        assertThat(sent("checkin.alert-sos")).extracting(e -> e.message().to().target())
                .containsExactlyInAnyOrder("ana@volunteers.example", "ben@volunteers.example", "https://cai.example/hook");
        assertThat(sent("checkin.alert-missed")).isEmpty();
    }

    @Test
    void afterTheDuressPinTheOneOffLinkStopsWorkingWhenAnOrdinaryOnesWould() {
        Started ordinary = startDueInAnHour("note", "2468");
        Started duress = startDueInAnHour("note", "2468");
        checkIns.ok(SITE, ordinary.token(), null);
        checkIns.ok(SITE, duress.token(), "2468");
        clock.advance(CheckInService.KEEP_FINISHED.minusSeconds(1));
        doorstep.runDueWork();
        assertThat(checkIns.checkIn(SITE, duress.token()).endedForThePerson()).isTrue();
        clock.advance(Duration.ofSeconds(1));
        doorstep.runDueWork();

        for (Started either : List.of(ordinary, duress)) {
            assertThatThrownBy(() -> checkIns.checkIn(SITE, either.token())).isInstanceOf(ForbiddenException.class);
        }
        assertThat(checkIns.find(SITE, duress.checkIn().id())).as("the circle still has the alert").isPresent();
        assertThat(responderToken("ana@volunteers.example")).isNotBlank();
    }

    @Test
    void aNicknameAndNoteInAScriptOfThreeBytesALetterAreKept() {
        String nickname = "ሰላም".repeat(13) + "ሰ";
        String note = "ኣብ ቤት ጽሕፈት ኢሚግሬሽን".repeat(60).substring(0, 1000);
        Started started = checkIns.start(SITE, new CheckInPlan(nickname, note, circle.id(), NOW.plus(Duration.ofHours(1)),
                5, null, null));
        assertThat(checkIns.find(SITE, started.checkIn().id()).orElseThrow())
                .extracting(CheckIn::nickname, CheckIn::note).containsExactly(nickname, note);
    }

    @Test
    void extendingMovesTheDeadlineUpToTheCapAndTheOldDeadlineRaisesNothing() {
        Started started = startDueInAnHour("note", null);
        checkIns.extend(SITE, started.token(), 30);
        checkIns.extend(SITE, started.token(), 30);
        assertThatThrownBy(() -> checkIns.extend(SITE, started.token(), 15))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.errors().get(0).rule()).isEqualTo("cap"));
        clock.set(NOW.plus(Duration.ofMinutes(65)));
        doorstep.runDueWork();
        assertThat(alertedTargets()).isEmpty();
        clock.set(NOW.plus(Duration.ofMinutes(125)));
        doorstep.runDueWork();
        assertThat(alertedTargets()).hasSize(2);
        assertThatThrownBy(() -> checkIns.extend(SITE, started.token(), 5)).isInstanceOf(ConflictException.class);
    }

    @Test
    void aSiteSetsItsOwnCapOnExtending() {
        checkIns.saveSettings(new CheckInSettings(SITE, 1, 20));
        Started started = startDueInAnHour("note", null);
        assertThatThrownBy(() -> checkIns.extend(SITE, started.token(), 30)).isInstanceOf(InvalidInputException.class);
        checkIns.extend(SITE, started.token(), 20);
        assertThatThrownBy(() -> checkIns.extend(SITE, started.token(), 1)).isInstanceOf(InvalidInputException.class);
        assertThat(checkIns.settings(SITE)).isEqualTo(new CheckInSettings(SITE, 1, 20));
    }

    @Test
    void thePersonIsRemindedShortlyBeforeTheirTimeInWordsThatGiveNothingAway() {
        startDueInAnHour("note", null);
        clock.set(NOW.plus(Duration.ofMinutes(50)));
        doorstep.runDueWork();
        assertThat(sent("checkin.reminder")).singleElement().satisfies(e -> {
            assertThat(e.message().to().target()).isEqualTo("sparrow@person.example");
            assertThat((e.message().subject() + " " + e.message().text()).toLowerCase())
                    .doesNotContain("alert", "safe", "check-in", "circle", "note");
        });
    }

    @Test
    void aStartWithAnUnknownCircleOrAPastTimeIsRefusedByField() {
        assertThatThrownBy(() -> checkIns.start(SITE, new CheckInPlan("Sparrow", null, "nope", NOW.plusSeconds(60), 0,
                null, null))).isInstanceOfSatisfying(InvalidInputException.class,
                e -> assertThat(e.errors().get(0).field()).isEqualTo("circle"));
        assertThatThrownBy(() -> checkIns.start(SITE, new CheckInPlan("Sparrow", null, circle.id(), NOW.minusSeconds(1), 0,
                null, null))).isInstanceOfSatisfying(InvalidInputException.class,
                e -> assertThat(e.errors().get(0).field()).isEqualTo("dueAt"));
        assertThatThrownBy(() -> new CheckInPlan("", null, circle.id(), NOW, 500, null, "12"))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.errors())
                        .extracting(error -> error.field()).containsExactly("nickname", "graceMinutes", "duressPin"));
    }

    @Test
    void textsFromALinkedNumberCheckInAskForHelpOrMoreTimeInEnglishWelshOrDigitsAndOthersDoNothing() {
        Started first = startDueInAnHour("note", "2468");
        checkIns.linkNumber(SITE, first.token(), "07700 900123");
        checkIns.text(SITE, "+447700900999", "IN");
        checkIns.text(SITE, "+447700900123", "hello");
        assertThat(checkIns.checkIn(SITE, first.token()).state()).isEqualTo(CheckInState.WAITING);
        checkIns.text(SITE, "+447700900123", "estyn");
        assertThat(checkIns.checkIn(SITE, first.token()).extensions()).isEqualTo(1);
        checkIns.text(SITE, "+447700900123", "Mewn");
        assertThat(checkIns.checkIn(SITE, first.token()).state()).isEqualTo(CheckInState.SAFE);

        Started second = startDueInAnHour("note", "2468");
        checkIns.linkNumber(SITE, second.token(), "+447700900123");
        checkIns.text(SITE, "+447700900123", "9");
        assertThat(sent("checkin.alert-sos")).hasSize(2);

        Started third = startDueInAnHour("note", "2468");
        checkIns.linkNumber(SITE, third.token(), "+447700900123");
        checkIns.text(SITE, "00447700900123", "in 2468");
        assertThat(sent("checkin.alert-duress")).hasSize(2);
        assertThat(checkIns.checkIn(SITE, third.token()).endedForThePerson()).isTrue();
    }

    @Test
    void aResponderLinkStopsWorkingTwoDaysAfterTheAlertAndATestAlertReachesEveryResponder() {
        Started started = startDueInAnHour("note", null);
        checkIns.sos(SITE, started.token());
        String link = sent("checkin.alert-sos").stream().filter(e -> e.message().to().target().equals("ana@volunteers.example"))
                .findFirst().orElseThrow().message().text().replaceAll("(?s).*/checkin/respond/([0-9a-z]{26}).*", "$1");
        clock.advance(CheckInService.RESPONDER_LINK_LIFETIME);
        assertThat(checkIns.alert(SITE, link).nickname()).isEqualTo("Sparrow");
        clock.advance(Duration.ofSeconds(1));
        assertThatThrownBy(() -> checkIns.alert(SITE, link)).isInstanceOf(ForbiddenException.class);

        checkIns.testAlert(SITE, circle.id());
        assertThat(sent("checkin.test")).extracting(e -> e.message().to().target()).containsExactlyInAnyOrder(
                "ana@volunteers.example", "ben@volunteers.example", "https://cai.example/hook");
        assertThat(sent("checkin.test").get(0).message().text()).contains("nobody needs help");
    }

    @Test
    void remindersAndAlertsGoAsTextsThroughTheSitesTwilioGatewayAndTheRemindedNumberTextsBack() {
        try (SmsReceiver twilio = SmsReceiver.start(201)) {
            checkIns.saveSmsGateway(new SmsGateway(SITE, SmsGateway.Kind.TWILIO, "twilio-auth-token",
                    new SmsGateway.Sender(twilio.address(), "AC0123", null, "+447700900000")));
            Circle byText = checkIns.createCircle(SITE, "By text", List.of(
                    new Responder("Dee", Address.sms("07700 900111"), 1)), Duration.ofMinutes(10));
            checkIns.start(SITE, new CheckInPlan("Sparrow", "Reporting at Dallas Court", byText.id(),
                    NOW.plus(Duration.ofHours(1)), 5, Address.sms("07700 900222"), null));

            clock.set(NOW.plus(Duration.ofMinutes(50)));
            runDueWorkAndSend();
            assertThat(twilio.requests()).singleElement().satisfies(reminder -> {
                assertThat(reminder.path()).isEqualTo("/2010-04-01/Accounts/AC0123/Messages.json");
                assertThat(reminder.authorization()).isEqualTo("Basic " + base64("AC0123:twilio-auth-token"));
                assertThat(reminder.contentType()).startsWith("application/x-www-form-urlencoded");
                assertThat(reminder.form()).containsEntry("To", "+447700900222").containsEntry("From", "+447700900000");
                assertThat(reminder.form().get("Body")).contains("A reminder").doesNotContain("Sparrow", "Dallas Court");
            });

            clock.set(NOW.plus(Duration.ofMinutes(65)));
            runDueWorkAndSend();
            assertThat(twilio.requests()).hasSize(2);
            Map<String, String> alert = twilio.requests().get(1).form();
            assertThat(alert).containsEntry("To", "+447700900111");
            assertThat(alert.get("Body")).contains("Sparrow", "Reporting at Dallas Court", "/checkin/respond/")
                    .doesNotContain("900222");

            checkIns.text(SITE, "+44 7700 900222", "IN");
            runDueWorkAndSend();
            assertThat(twilio.requests()).hasSize(3);
            assertThat(twilio.requests().get(2).form()).containsEntry("To", "+447700900111");
            assertThat(twilio.requests().get(2).form().get("Body")).contains("Sparrow is safe");
            assertThat(sent("checkin.allclear")).singleElement()
                    .satisfies(entry -> assertThat(entry.state()).isEqualTo(OutboxEntry.State.DELIVERED));
        }
    }

    @Test
    void androidSmsGatewayGetsJsonWithTheMessageIdAndIsTriedAgainUnderItWhenItFails() throws Exception {
        try (SmsReceiver phone = SmsReceiver.start(503)) {
            checkIns.saveSmsGateway(new SmsGateway(SITE, SmsGateway.Kind.ANDROID_SMS_GATEWAY, "signing-key",
                    new SmsGateway.Sender(phone.address().resolve("/message"), "sms", "gateway-password", null)));
            Circle byText = checkIns.createCircle(SITE, "By text", List.of(
                    new Responder("Dee", Address.sms("+447700900111"), 1)), Duration.ofMinutes(10));
            checkIns.start(SITE, new CheckInPlan("Sparrow", "note", byText.id(), NOW.plus(Duration.ofHours(1)), 0,
                    null, null));
            clock.set(NOW.plus(Duration.ofHours(1)));
            runDueWorkAndSend();
            assertThat(phone.requests()).hasSize(1);
            assertThat(sent("checkin.alert-missed")).singleElement()
                    .satisfies(entry -> assertThat(entry.state()).isEqualTo(OutboxEntry.State.PENDING));

            phone.answer(202);
            clock.advance(Duration.ofMinutes(5));
            runDueWorkAndSend();
            assertThat(phone.requests()).hasSize(2);
            OutboxEntry alert = sent("checkin.alert-missed").get(0);
            assertThat(alert.state()).isEqualTo(OutboxEntry.State.DELIVERED);
            for (SmsReceiver.Request request : phone.requests()) {
                assertThat(request.path()).isEqualTo("/message");
                assertThat(request.authorization()).isEqualTo("Basic " + base64("sms:gateway-password"));
                JsonNode body = new ObjectMapper().readTree(request.body());
                assertThat(body.get("id").asText()).as("the same id, so the gateway drops a repeat")
                        .isEqualTo(alert.message().id());
                assertThat(body.get("phoneNumbers").get(0).asText()).isEqualTo("+447700900111");
                assertThat(body.get("textMessage").get("text").asText()).contains("Sparrow");
            }
        }
    }

    @Test
    void aPhoneNumberIsRefusedByFieldWhereTheSiteSendsNoTexts() {
        assertThatThrownBy(() -> checkIns.createCircle(SITE, "By text", List.of(
                new Responder("Dee", Address.sms("07700 900111"), 1)), Duration.ofMinutes(10)))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.getMessage())
                        .contains("responders.0.sms").doesNotContain("900111"));
        // a gateway that only receives texts sends none
        checkIns.saveSmsGateway(new SmsGateway(SITE, SmsGateway.Kind.TWILIO, "twilio-auth-token"));
        assertThatThrownBy(() -> checkIns.start(SITE, new CheckInPlan("Sparrow", null, circle.id(),
                NOW.plus(Duration.ofHours(1)), 0, Address.sms("07700 900222"), null)))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.getMessage()).contains("reminder"));
    }

    @Test
    void aWeeklyCheckInMovesToNextWeekAtTheSameTimeOfDayAndADoublePressSkipsNoWeek() {
        // Tuesday 24 March 2026, 10:00 in London is 10:00Z; the clocks go forward on Sunday the 29th
        clock.set(Instant.parse("2026-03-24T08:00:00Z"));
        Started started = checkIns.start(SITE, new CheckInPlan("Sparrow", "Reporting at Dallas Court", circle.id(),
                Instant.parse("2026-03-24T10:00:00Z"), 5, null, null, List.of(), true));
        clock.set(Instant.parse("2026-03-24T10:02:00Z"));
        checkIns.ok(SITE, started.token(), null);
        checkIns.ok(SITE, started.token(), null);

        CheckIn next = checkIns.checkIn(SITE, started.token());
        assertThat(next.state()).isEqualTo(CheckInState.WAITING);
        assertThat(next.dueAt()).as("10:00 BST").isEqualTo(Instant.parse("2026-03-31T09:00:00Z"));
        assertThat(checkIns.counts(SITE)).singleElement()
                .satisfies(count -> assertThat(count.checkIns()).isEqualTo(1));
        clock.set(Instant.parse("2026-03-24T10:05:00Z"));
        doorstep.runDueWork();
        assertThat(alertedTargets()).as("last week's deadline has gone").isEmpty();

        clock.set(Instant.parse("2026-03-31T09:05:00Z"));
        doorstep.runDueWork();
        assertThat(alertedTargets()).containsExactly("ana@volunteers.example", "ben@volunteers.example");
    }

    @Test
    void aWeeksAlertEndsWithTheAllClearItsLinksStopAndTheNextAlertIsItsOwn() {
        Started started = checkIns.start(SITE, new CheckInPlan("Sparrow", "note", circle.id(),
                NOW.plus(Duration.ofHours(1)), 5, null, null, List.of(), true));
        clock.set(NOW.plus(Duration.ofMinutes(65)));
        doorstep.runDueWork();
        String anasLink = responderToken("ana@volunteers.example");
        clock.set(NOW.plus(Duration.ofMinutes(67)));
        checkIns.ok(SITE, started.token(), null);
        assertThat(sent("checkin.allclear")).hasSize(2);
        assertThat(checkIns.checkIn(SITE, started.token()).dueAt()).isEqualTo(NOW.plus(Duration.ofDays(7)).plus(Duration.ofHours(1)));
        assertThatThrownBy(() -> checkIns.alert(SITE, anasLink)).isInstanceOf(ForbiddenException.class);

        // help asked for at once: last week's pending escalation neither blocks this alert nor hastens its next tier
        clock.set(NOW.plus(Duration.ofMinutes(68)));
        checkIns.sos(SITE, started.token());
        assertThat(sent("checkin.alert-sos")).hasSize(2);
        clock.set(NOW.plus(Duration.ofMinutes(75)));
        doorstep.runDueWork();
        assertThat(alertedTargets()).hasSize(2);
        clock.set(NOW.plus(Duration.ofMinutes(78)));
        doorstep.runDueWork();
        assertThat(sent("checkin.alert-sos")).extracting(e -> e.message().to().target()).contains("https://cai.example/hook");

        checkIns.stop(SITE, started.token());
        assertThat(sent("checkin.allclear")).hasSize(5);
        clock.advance(CheckInService.KEEP_FINISHED);
        doorstep.runDueWork();
        assertThat(checkIns.find(SITE, started.checkIn().id())).isEmpty();
        assertThat(checkIns.counts(SITE)).singleElement().satisfies(count -> {
            assertThat(count.checkIns()).isEqualTo(2);
            assertThat(count.alertsRaised()).isEqualTo(2);
        });
    }

    @Test
    void aWeeklyAlertNobodyClosedStillAlertsForNextWeeksTimeAndIsNotDeletedWithTheSeries() {
        Started started = checkIns.start(SITE, new CheckInPlan("Sparrow", "note", circle.id(),
                NOW.plus(Duration.ofHours(1)), 5, null, null, List.of(), true));
        clock.set(NOW.plus(Duration.ofMinutes(65)));
        doorstep.runDueWork();
        checkIns.acknowledge(SITE, responderToken("ana@volunteers.example"));
        // nobody marks them safe, and the person never presses "I'm OK"
        clock.set(NOW.plus(Duration.ofDays(7)).plus(Duration.ofMinutes(65)));
        doorstep.runDueWork();

        assertThat(alertedTargets()).containsExactly("ana@volunteers.example", "ana@volunteers.example",
                "ben@volunteers.example", "ben@volunteers.example");
        CheckIn now = checkIns.checkIn(SITE, started.token());
        assertThat(now.state()).isEqualTo(CheckInState.ALERTED);
        assertThat(now.dueAt()).isEqualTo(NOW.plus(Duration.ofDays(7)).plus(Duration.ofHours(1)));
        assertThat(checkIns.counts(SITE)).singleElement().satisfies(count -> assertThat(count.alertsRaised()).isEqualTo(1));
        clock.advance(Duration.ofMinutes(1));
        doorstep.runDueWork();
        assertThat(checkIns.find(SITE, started.checkIn().id())).as("last week's unresolved purge leaves this week's").isPresent();
    }

    @Test
    void theDuressPinOnAWeeklyCheckInShowsNextWeeksWhileTheCircleHasTheAlert() {
        Started started = checkIns.start(SITE, new CheckInPlan("Sparrow", "note", circle.id(),
                NOW.plus(Duration.ofHours(1)), 5, null, "2468", List.of(), true));
        clock.set(NOW.plus(Duration.ofMinutes(30)));
        checkIns.ok(SITE, started.token(), "2468");
        checkIns.ok(SITE, started.token(), null);

        CheckIn real = checkIns.checkIn(SITE, started.token());
        assertThat(real.state()).isEqualTo(CheckInState.ALERTED);
        assertThat(sent("checkin.alert-duress")).hasSize(2);
        CheckIn shown = checkIns.asThePersonSees(real);
        assertThat(shown.state()).isEqualTo(CheckInState.WAITING);
        assertThat(shown.endedForThePerson()).isFalse();
        assertThat(shown.dueAt()).isEqualTo(NOW.plus(Duration.ofDays(7)).plus(Duration.ofHours(1)));
        CheckIn ordinary = checkIns.checkIn(SITE, checkIns.start(SITE, new CheckInPlan("Wren", "note", circle.id(),
                NOW.plus(Duration.ofHours(1)), 5, null, "2468", List.of(), true)).token());
        assertThat(checkIns.asThePersonSees(ordinary)).isEqualTo(ordinary);
    }

    /** Runs what is due, then the deliveries that queued. */
    private void runDueWorkAndSend() {
        doorstep.runDueWork();
        doorstep.runDueWork();
    }

    private static String base64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    /** The responder token in the link the alert to this address carried. */
    protected String responderToken(String target) {
        String text = doorstep.outbox().recent(SITE, 200).stream()
                .filter(e -> e.message().type().startsWith("checkin.alert-")).filter(e -> e.message().to().target().equals(target))
                .findFirst().orElseThrow().message().text();
        return text.replaceAll("(?s).*/checkin/respond/([0-9a-z]{26}).*", "$1");
    }
}
