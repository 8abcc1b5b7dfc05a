package io.citykpi.shared.kafka;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import javax.security.auth.login.AppConfigurationEntry;
import org.apache.kafka.common.config.types.Password;
import org.apache.kafka.common.security.JaasContext;
import org.junit.jupiter.api.Test;

/** How a service logs in to Kafka, from the settings an operator gives it (environment, Secrets). */
class KafkaClientsTest {

    @Test
    void withoutCredentialsAClientTalksPlaintext() {
        Map<String, Object> props = clients(Optional.empty(), Optional.empty(), Optional.empty(), Map.of()).common("c");
        assertEquals("127.0.0.1:19092", props.get("bootstrap.servers"));
        assertFalse(props.containsKey("security.protocol"));
        assertFalse(props.containsKey("sasl.jaas.config"));
    }

    @Test
    void aUsernameAndPasswordLogInWithScramOverSaslPlaintext() {
        Map<String, Object> props = clients(Optional.of("citykpi-projects"), Optional.of("pa\"ss\\word"), Optional.empty(),
                Map.of()).common("c");
        assertEquals("SASL_PLAINTEXT", props.get("security.protocol"));
        assertEquals("SCRAM-SHA-512", props.get("sasl.mechanism"));
        AppConfigurationEntry login = JaasContext.loadClientContext(Map.of("sasl.jaas.config",
                new Password((String) props.get("sasl.jaas.config")))).configurationEntries().get(0);
        assertEquals("org.apache.kafka.common.security.scram.ScramLoginModule", login.getLoginModuleName());
        assertEquals("citykpi-projects", login.getOptions().get("username"));
        assertEquals("pa\"ss\\word", login.getOptions().get("password"), "quotes and backslashes survive");
    }

    @Test
    void aSecurityProtocolAddsTlsAndExplicitClientPropertiesWin() {
        Map<String, Object> props = clients(Optional.of("citykpi-gateway"), Optional.of("s"), Optional.of("SASL_SSL"),
                Map.of("ssl.truststore.type", "PEM", "sasl.mechanism", "SCRAM-SHA-256")).common("c");
        assertEquals("SASL_SSL", props.get("security.protocol"));
        assertEquals("PEM", props.get("ssl.truststore.type"));
        assertEquals("SCRAM-SHA-256", props.get("sasl.mechanism"));
    }

    @Test
    void aUsernameWithoutPasswordIsRefusedWithTheSettingsName() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> clients(Optional.of("citykpi-projects"), Optional.empty(), Optional.empty(), Map.of()).common("c"));
        assertTrue(e.getMessage().contains("citykpi.kafka.sasl.password"), e.getMessage());
    }

    private static KafkaClients clients(Optional<String> username, Optional<String> password, Optional<String> protocol,
                                        Map<String, String> client) {
        KafkaConfig.Sasl sasl = new KafkaConfig.Sasl() {
            public Optional<String> username() {
                return username;
            }

            public Optional<String> password() {
                return password;
            }

            public String mechanism() {
                return "SCRAM-SHA-512";
            }
        };
        return new KafkaClients(new KafkaConfig() {
            public String bootstrapServers() {
                return "127.0.0.1:19092";
            }

            public Optional<String> securityProtocol() {
                return protocol;
            }

            public Sasl sasl() {
                return sasl;
            }

            public Map<String, String> client() {
                return client;
            }

            public Duration requestTimeout() {
                return Duration.ofSeconds(5);
            }

            public Topics topics() {
                throw new UnsupportedOperationException();
            }
        });
    }
}
