package eventlens.model.deadletter;

import static org.assertj.core.api.Assertions.assertThat;

import eventlens.model.Fingerprint;
import org.junit.jupiter.api.Test;

class FingerprintTest {
    @Test
    void messagesThatDifferOnlyByIdsNumbersUuidsAndTimesShareAFingerprint() {
        String a = Fingerprint.of("PaymentGatewayTimeout",
                "gateway did not answer within 5000 ms for order order-1007 (request 3f2a1b9c-1d2e-4f5a-8b9c-0d1e2f3a4b5c at 2024-01-15T09:58:45.109Z)",
                "at chargeCard (payment-handler.js:42:11)");
        String b = Fingerprint.of("PaymentGatewayTimeout",
                "gateway did not answer within 3000 ms for order order-2044 (request 7c6b5a49-3827-4f16-a5b4-c3d2e1f0a9b8 at 2024-02-01T23:00:00Z)",
                "at chargeCard (payment-handler.js:47:3)");
        assertThat(a).isEqualTo(b);
    }

    @Test
    void differentCausesGetDifferentFingerprints() {
        String timeout = Fingerprint.of("PaymentGatewayTimeout", "gateway did not answer within 5000 ms", "at chargeCard (a.js:1:1)");
        assertThat(Fingerprint.of("CardDeclined", "gateway did not answer within 5000 ms", "at chargeCard (a.js:1:1)")).isNotEqualTo(timeout);
        assertThat(Fingerprint.of("PaymentGatewayTimeout", "gateway refused the connection", "at chargeCard (a.js:1:1)")).isNotEqualTo(timeout);
        assertThat(Fingerprint.of("PaymentGatewayTimeout", "gateway did not answer within 5000 ms", "at refund (a.js:1:1)")).isNotEqualTo(timeout);
    }

    @Test
    void firstApplicationFrameSkipsRuntimeAndFrameworkFrames() {
        String java = """
                java.lang.IllegalStateException: no stock
                \tat java.base/java.util.Objects.requireNonNull(Objects.java:233)
                \tat org.springframework.kafka.listener.Adapter.invoke(Adapter.java:10)
                \tat com.example.stock.Reserver.reserve(Reserver.java:57)
                \tat java.base/java.lang.Thread.run(Thread.java:1583)""";
        assertThat(Fingerprint.firstFrame(java)).isEqualTo("at com.example.stock.Reserver.reserve(Reserver.java:<n>)");
        String node = "TypeError: x\n    at processTicksAndRejections (node:internal/process/task_queues:95:5)\n"
                + "    at async EventBus.dispatch (event-bus.js:118:7)";
        assertThat(Fingerprint.firstFrame(node)).isEqualTo("at EventBus.dispatch (event-bus.js:<n>:<n>)");
        assertThat(Fingerprint.firstFrame("x\n   at System.Threading.Run()\n   at Billing.Handler.Handle() in H.cs:line 31"))
                .isEqualTo("at Billing.Handler.Handle() in H.cs:line <n>");
        assertThat(Fingerprint.firstFrame("x\n\tat java.lang.Thread.run(Thread.java:1)")).isEqualTo("at java.lang.Thread.run(Thread.java:<n>)");
    }

    @Test
    void frameworkFramesDoNotSeparateFailuresOfTheSameApplicationFrame() {
        String a = Fingerprint.of("E", "m", "E: m\n\tat org.springframework.A.x(A.java:1)\n\tat com.example.H.h(H.java:5)");
        String b = Fingerprint.of("E", "m", "E: m\n\tat org.springframework.B.y(B.java:9)\n\tat com.example.H.h(H.java:6)");
        assertThat(a).isEqualTo(b);
    }
}
