package io.citykpi.chart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.marcnuri.helm.Helm;
import com.marcnuri.helm.LintResult;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** helm lint and helm template without a cluster, and what an operator relies on in the result. */
class ChartTest {

    static final Path ROOT = Path.of(System.getProperty("citykpi.root", "../..")).toAbsolutePath().normalize();
    static final Path CHART = ROOT.resolve("helm/citykpi");
    static final List<String> SERVICES = List.of("gateway", "projects", "investment", "livelihood", "safety-inspection");
    /** Read by the image's launcher (run-java.sh), not by Quarkus. */
    static final Set<String> LAUNCHER_VARIABLES = Set.of("JAVA_OPTS_APPEND");
    /** Map-valued settings: any key below the prefix is passed through (KafkaConfig.client()). */
    static final String KAFKA_CLIENT_PREFIX = "CITYKPI_KAFKA_CLIENT__";
    /** Read by services/shared's KafkaConfig (@ConfigMapping citykpi.kafka) without a line in application.properties. */
    static final Set<String> KAFKA_CONFIG_MAPPING = Set.of("CITYKPI_KAFKA_SECURITY_PROTOCOL", "CITYKPI_KAFKA_SASL_USERNAME",
            "CITYKPI_KAFKA_SASL_PASSWORD", "CITYKPI_KAFKA_SASL_MECHANISM");

    private final KubernetesSerialization serialization = new KubernetesSerialization();

    /** The default values and every values file in deploy/. */
    static Stream<String> valuesFiles() throws IOException {
        try (Stream<Path> files = Files.list(ROOT.resolve("deploy"))) {
            List<String> names = new ArrayList<>(List.of("(defaults)"));
            files.filter(f -> f.getFileName().toString().matches("values-.*\\.yaml"))
                    .map(f -> f.getFileName().toString()).sorted().forEach(names::add);
            return names.stream();
        }
    }

    @Test
    void passesHelmLintStrict() {
        LintResult lint = new Helm(CHART).lint().strict().call();
        assertFalse(lint.isFailed(), String.join("\n", lint.getMessages()));
    }

    @ParameterizedTest
    @MethodSource("valuesFiles")
    void rendersEveryServiceAsValidKubernetesObjects(String values) {
        List<HasMetadata> objects = render(values);
        assertTrue(objects.stream().allMatch(o -> o.getKind() != null && o.getMetadata().getName() != null));
        for (String service : SERVICES) {
            assertNotNull(find(objects, Deployment.class, "citykpi-" + service), values + ": deployment of " + service);
            assertNotNull(find(objects, io.fabric8.kubernetes.api.model.Service.class, "citykpi-" + service));
            assertNotNull(find(objects, ConfigMap.class, "citykpi-" + service));
        }
        assertEquals(5, objects.stream().filter(Deployment.class::isInstance).count());
    }

    @ParameterizedTest
    @MethodSource("valuesFiles")
    void everyDeploymentHasProbesResourcesAndALockedDownSecurityContext(String values) {
        for (Deployment deployment : deployments(render(values))) {
            String name = deployment.getMetadata().getName();
            var pod = deployment.getSpec().getTemplate().getSpec();
            assertTrue(pod.getSecurityContext().getRunAsNonRoot(), name);
            assertEquals("RuntimeDefault", pod.getSecurityContext().getSeccompProfile().getType(), name);
            assertNotNull(pod.getAffinity().getPodAntiAffinity(), name);
            assertEquals(0, deployment.getSpec().getStrategy().getRollingUpdate().getMaxUnavailable().getIntVal(), name);
            Container container = pod.getContainers().get(0);
            assertPath(container.getStartupProbe(), "/q/health/started", name);
            assertPath(container.getLivenessProbe(), "/q/health/live", name);
            assertPath(container.getReadinessProbe(), "/q/health/ready", name);
            for (Probe probe : List.of(container.getStartupProbe(), container.getLivenessProbe(), container.getReadinessProbe())) {
                assertEquals("management", probe.getHttpGet().getPort().getStrVal(), name + ": probes use the management port");
            }
            assertNotNull(container.getResources().getRequests().get("cpu"), name);
            assertNotNull(container.getResources().getRequests().get("memory"), name);
            assertNotNull(container.getResources().getLimits().get("memory"), name);
            var security = container.getSecurityContext();
            assertFalse(security.getAllowPrivilegeEscalation(), name);
            assertTrue(security.getReadOnlyRootFilesystem(), name);
            assertEquals(List.of("ALL"), security.getCapabilities().getDrop(), name);
            assertTrue(container.getVolumeMounts().stream().anyMatch(m -> m.getMountPath().equals("/tmp")),
                    name + " needs a writable /tmp on a read-only root");
            assertTrue(container.getImage().matches(".+/citykpi-[a-z-]+[:@].+"), container.getImage());
        }
    }

    @ParameterizedTest
    @MethodSource("valuesFiles")
    void everyConfigKeyIsOneTheServiceReallyReads(String values) throws IOException {
        List<HasMetadata> objects = render(values);
        for (String service : SERVICES) {
            Set<String> known = propertyKeys(service);
            ConfigMap config = find(objects, ConfigMap.class, "citykpi-" + service);
            for (String key : config.getData().keySet()) {
                boolean read = known.contains(key) || LAUNCHER_VARIABLES.contains(key) || key.startsWith(KAFKA_CLIENT_PREFIX)
                        || KAFKA_CONFIG_MAPPING.contains(key);
                assertTrue(read, values + ": " + service + " does not read " + key + " (not in its application.properties)");
            }
            Deployment deployment = find(objects, Deployment.class, "citykpi-" + service);
            for (EnvVar env : deployment.getSpec().getTemplate().getSpec().getContainers().get(0).getEnv()) {
                assertTrue(known.contains(env.getName()) || KAFKA_CONFIG_MAPPING.contains(env.getName()),
                        service + " does not read " + env.getName());
            }
        }
    }

    @ParameterizedTest
    @MethodSource("valuesFiles")
    void rendersNoSecretValue(String values) {
        List<HasMetadata> objects = render(values);
        assertTrue(objects.stream().noneMatch(o -> "Secret".equals(o.getKind())), "the chart never renders a Secret");
        for (Deployment deployment : deployments(objects)) {
            for (EnvVar env : deployment.getSpec().getTemplate().getSpec().getContainers().get(0).getEnv()) {
                if (env.getName().contains("PASSWORD") || env.getName().contains("USERNAME")) {
                    assertEquals(null, env.getValue(), env.getName() + " must come from a Secret");
                    assertNotNull(env.getValueFrom().getSecretKeyRef(), env.getName());
                }
            }
        }
        for (HasMetadata object : objects) {
            if (object instanceof ConfigMap config) {
                assertTrue(config.getData().keySet().stream().noneMatch(k -> k.matches(".*(PASSWORD|SECRET|TOKEN).*")),
                        config.getMetadata().getName() + " holds a secret-looking key");
            }
        }
    }

    @Test
    void productionValuesGiveHighAvailability() throws IOException {
        List<HasMetadata> objects = render("values-prod.yaml");
        for (Deployment deployment : deployments(objects)) {
            String name = deployment.getMetadata().getName();
            if (name.equals("citykpi-gateway")) {
                assertEquals(null, deployment.getSpec().getReplicas(), "the HPA owns the gateway's replicas");
            } else {
                assertTrue(deployment.getSpec().getReplicas() >= 2, name);
            }
        }
        HorizontalPodAutoscaler hpa = find(objects, HorizontalPodAutoscaler.class, "citykpi-gateway");
        assertTrue(hpa.getSpec().getMinReplicas() >= 2);
        assertEquals(5, objects.stream().filter(PodDisruptionBudget.class::isInstance).count());
        assertEquals(5, objects.stream().filter(NetworkPolicy.class::isInstance).count());
        List<GenericKubernetesResource> topics = objects.stream()
                .filter(o -> "KafkaTopic".equals(o.getKind())).map(GenericKubernetesResource.class::cast).toList();
        assertEquals(6, topics.size(), "four domain topics, the gateway's target changes, dead letters");
        for (GenericKubernetesResource topic : topics) {
            Map<String, Object> spec = topic.get("spec");
            @SuppressWarnings("unchecked")
            Map<String, Object> config = (Map<String, Object>) spec.get("config");
            String expected = topic.getMetadata().getName().contains("dead-letter") ? "2592000000" : "-1";
            assertEquals(expected, String.valueOf(config.get("retention.ms")), topic.getMetadata().getName());
            assertEquals(3, ((Number) spec.get("replicas")).intValue());
        }
        Ingress ingress = find(objects, Ingress.class, "citykpi");
        assertEquals("citykpi-tls", ingress.getSpec().getTls().get(0).getSecretName());
        assertTrue(objects.stream().anyMatch(o -> "ServiceMonitor".equals(o.getKind())));
        GenericKubernetesResource rules = objects.stream().filter(o -> "PrometheusRule".equals(o.getKind()))
                .map(GenericKubernetesResource.class::cast).findFirst().orElseThrow();
        long inFile = Files.readAllLines(ROOT.resolve("deploy/prometheus/citykpi-rules.yaml")).stream()
                .filter(line -> line.strip().startsWith("- alert:")).count();
        assertTrue(inFile >= 8, "the rules file has its alerts");
        assertEquals(inFile, countAlerts(rules), "every rule of deploy/prometheus/citykpi-rules.yaml");
        ConfigMap gateway = find(objects, ConfigMap.class, "citykpi-gateway");
        assertEquals("SASL_SSL", gateway.getData().get("CITYKPI_KAFKA_SECURITY_PROTOCOL"));
        assertEquals("citykpi-gateway", gateway.getData().get("CITYKPI_KAFKA_SASL_USERNAME"));
        assertEquals("https://sso.example.org/realms/citykpi", gateway.getData().get("QUARKUS_OIDC_AUTH_SERVER_URL"));
    }

    @Test
    void eachServiceLogsInToKafkaAsItsOwnPrincipalWithThePasswordFromItsKafkaUsersSecret() {
        List<HasMetadata> objects = render("(defaults)");
        for (String service : SERVICES) {
            assertEquals("citykpi-" + service, find(objects, ConfigMap.class, "citykpi-" + service).getData()
                    .get("CITYKPI_KAFKA_SASL_USERNAME"));
            EnvVar password = find(objects, Deployment.class, "citykpi-" + service).getSpec().getTemplate().getSpec()
                    .getContainers().get(0).getEnv().stream().filter(e -> e.getName().equals("CITYKPI_KAFKA_SASL_PASSWORD"))
                    .findFirst().orElseThrow();
            assertEquals("citykpi-" + service, password.getValueFrom().getSecretKeyRef().getName(),
                    "the Secret Strimzi's user operator writes for KafkaUser citykpi-" + service);
        }
    }

    /**
     * A front end that reaches only the Ingress can call every read operation the gateway documents
     * (the copy of its OpenAPI document the cockpit's client is generated from) and load the cockpit's
     * page; only the administrator's projection endpoints stay inside the cluster.
     */
    @ParameterizedTest
    @MethodSource("valuesFiles")
    void theIngressRoutesEveryGatewayOperationButAdministrationAndTheCockpitToTheGateway(String valueFile) throws IOException {
        Ingress ingress = find(render(valueFile), Ingress.class, "citykpi");
        List<String> gatewayPaths = ingress.getSpec().getRules().stream()
                .flatMap(rule -> rule.getHttp().getPaths().stream())
                .filter(path -> path.getBackend().getService().getName().equals("citykpi-gateway"))
                .map(path -> path.getPath()).toList();
        Map<?, ?> document = serialization.unmarshal(Files.readString(ROOT.resolve("cockpit/openapi/gateway.json")), Map.class);
        List<String> operations = new ArrayList<>();
        ((Map<?, ?>) document.get("paths")).keySet().forEach(path -> operations.add((String) path));
        operations.add("/cockpit/");
        for (String operation : operations) {
            boolean routed = gatewayPaths.stream().anyMatch(p -> operation.equals(p) || operation.startsWith(p + "/"));
            assertEquals(!operation.startsWith("/api/v1/admin"), routed, operation + " among " + gatewayPaths);
        }
    }

    @Test
    void healthAndMetricsAreOnTheManagementPortWhichTheIngressNeverPublishes() {
        List<HasMetadata> objects = render("values-prod.yaml");
        Ingress ingress = find(objects, Ingress.class, "citykpi");
        ingress.getSpec().getRules().forEach(rule -> rule.getHttp().getPaths().forEach(path -> {
            assertEquals("http", path.getBackend().getService().getPort().getName(), path.getPath());
            assertFalse(path.getPath().startsWith("/q"), path.getPath());
        }));
        GenericKubernetesResource monitor = objects.stream().filter(o -> "ServiceMonitor".equals(o.getKind()))
                .map(GenericKubernetesResource.class::cast).findFirst().orElseThrow();
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> endpoints = (List<Map<String, Object>>) ((Map<String, Object>) monitor.get("spec")).get("endpoints");
        assertEquals("management", endpoints.get(0).get("port"));
        for (String service : SERVICES) {
            assertTrue(find(objects, io.fabric8.kubernetes.api.model.Service.class, "citykpi-" + service).getSpec().getPorts()
                    .stream().anyMatch(p -> "management".equals(p.getName()) && p.getPort() == 9000), service);
        }
        Deployment projects = find(render("(defaults)"), Deployment.class, "citykpi-projects");
        assertEquals("9000", projects.getSpec().getTemplate().getMetadata().getAnnotations().get("prometheus.io/port"));
    }

    @Test
    void theNetworkPolicyLetsTheIngressControllerReachOnlyTheApiAndPrometheusOnlyTheManagementPort() {
        NetworkPolicy policy = find(render("(defaults)"), NetworkPolicy.class, "citykpi-projects");
        assertEquals(List.of("Ingress", "Egress"), policy.getSpec().getPolicyTypes());
        assertEquals(2, policy.getSpec().getIngress().size());
        var api = policy.getSpec().getIngress().get(0);
        assertEquals("ingress-nginx", api.getFrom().get(0).getNamespaceSelector().getMatchLabels().get("kubernetes.io/metadata.name"));
        assertEquals(List.of(8081), api.getPorts().stream().map(p -> p.getPort().getIntVal()).toList());
        var management = policy.getSpec().getIngress().get(1);
        assertEquals("monitoring", management.getFrom().get(0).getNamespaceSelector().getMatchLabels()
                .get("kubernetes.io/metadata.name"));
        assertEquals(List.of(9000), management.getPorts().stream().map(p -> p.getPort().getIntVal()).toList());
        assertEquals(3, policy.getSpec().getEgress().size(), "DNS, the database and Kafka");
    }

    @Test
    @SuppressWarnings("unchecked")
    void theStrimziExampleGivesEachServiceItsOwnPrincipalAndOnlyItsOwnTopics() throws IOException {
        Map<String, Map<String, Object>> users = new java.util.HashMap<>();
        for (HasMetadata object : platformObjects("strimzi-kafka.yaml")) {
            if ("KafkaUser".equals(object.getKind())) {
                users.put(object.getMetadata().getName(), ((GenericKubernetesResource) object).get("spec"));
            }
        }
        for (String service : SERVICES) {
            Map<String, Object> spec = users.get("citykpi-" + service);
            assertNotNull(spec, "KafkaUser citykpi-" + service);
            assertEquals("scram-sha-512", ((Map<String, Object>) spec.get("authentication")).get("type"));
            Map<String, Set<String>> byOperation = new java.util.TreeMap<>();
            for (Map<String, Object> acl : (List<Map<String, Object>>) ((Map<String, Object>) spec.get("authorization")).get("acls")) {
                Map<String, Object> resource = (Map<String, Object>) acl.get("resource");
                for (Object operation : (List<Object>) acl.get("operations")) {
                    byOperation.computeIfAbsent((String) operation, o -> new java.util.TreeSet<>())
                            .add(resource.get("type") + ":" + resource.get("name"));
                }
            }
            if (service.equals("gateway")) {
                assertEquals(Set.of("topic:citykpi.gateway.v1", "topic:citykpi.gateway.dead-letter.v1"), byOperation.get("Write"));
                assertEquals(Set.of("topic:citykpi.projects.v1", "topic:citykpi.investment.v1", "topic:citykpi.livelihood.v1",
                        "topic:citykpi.safety-inspection.v1", "group:citykpi-gateway"), byOperation.get("Read"));
            } else {
                assertEquals(Set.of("topic:citykpi." + service + ".v1"), byOperation.get("Write"), service + " writes only its own topic");
                assertFalse(byOperation.containsKey("Read"), service + " reads nothing");
            }
        }
        for (HasMetadata cluster : platformObjects("cnpg-databases.yaml")) {
            Map<String, Object> spec = ((GenericKubernetesResource) cluster).get("spec");
            assertEquals(false, spec.get("enableSuperuserAccess"), cluster.getMetadata().getName());
        }
    }

    private List<HasMetadata> platformObjects(String file) throws IOException {
        List<HasMetadata> objects = new ArrayList<>();
        for (String document : Files.readString(ROOT.resolve("deploy/platform").resolve(file)).split("(?m)^---\\s*$")) {
            String body = Arrays.stream(document.split("\n")).filter(l -> !l.startsWith("#")).collect(Collectors.joining("\n"));
            if (!body.isBlank()) {
                objects.add(serialization.unmarshal(body, HasMetadata.class));
            }
        }
        return objects;
    }

    @Test
    void theTopicJobCreatesEveryTopicWhenStrimziIsNotUsed() {
        String rendered = new Helm(CHART).template().withName("citykpi").set("kafka.topics.provisioner", "job").call();
        assertTrue(rendered.contains("kind: Job"));
        for (String topic : List.of("citykpi.projects.v1", "citykpi.investment.v1", "citykpi.livelihood.v1",
                "citykpi.safety-inspection.v1", "citykpi.gateway.v1", "citykpi.gateway.dead-letter.v1")) {
            assertTrue(rendered.contains("--topic " + topic + " "), topic);
        }
        assertFalse(rendered.contains("kind: KafkaTopic"));
    }

    @Test
    void refusesABrokenValuesFile() {
        Path broken = Path.of("src/test/resources/broken-values.yaml").toAbsolutePath();
        RuntimeException failure = assertThrows(RuntimeException.class,
                () -> new Helm(CHART).template().withName("citykpi").withValuesFile(broken).call());
        assertTrue(failure.getMessage().contains("replicas") || failure.getMessage().contains("jdbcUrl"),
                failure.getMessage());
    }

    private List<HasMetadata> render(String values) {
        var template = new Helm(CHART).template().withName("citykpi").withNamespace("citykpi");
        if (!values.startsWith("(")) {
            template = template.withValuesFile(ROOT.resolve("deploy").resolve(values));
        }
        String yaml = template.call();
        List<HasMetadata> objects = new ArrayList<>();
        for (String document : yaml.split("(?m)^---\\s*$")) {
            String body = Arrays.stream(document.split("\n")).filter(l -> !l.startsWith("#")).collect(Collectors.joining("\n"));
            if (!body.isBlank()) {
                objects.add(serialization.unmarshal(body, HasMetadata.class));
            }
        }
        return objects;
    }

    @SuppressWarnings("unchecked")
    private static int countAlerts(GenericKubernetesResource rules) {
        Map<String, Object> spec = rules.get("spec");
        return ((List<Map<String, Object>>) spec.get("groups")).stream()
                .mapToInt(g -> ((List<?>) g.get("rules")).size()).sum();
    }

    private static List<Deployment> deployments(List<HasMetadata> objects) {
        return objects.stream().filter(Deployment.class::isInstance).map(Deployment.class::cast).toList();
    }

    private static <T extends HasMetadata> T find(List<HasMetadata> objects, Class<T> type, String name) {
        return objects.stream().filter(type::isInstance).map(type::cast)
                .filter(o -> name.equals(o.getMetadata().getName())).findFirst().orElse(null);
    }

    private static void assertPath(Probe probe, String path, String name) {
        assertNotNull(probe, name + " probe for " + path);
        assertEquals(path, probe.getHttpGet().getPath(), name);
    }

    /**
     * The keys of the service's application.properties and of the defaults every service takes from
     * services/shared (META-INF/microprofile-config.properties), as environment variable names (a.b-c → A_B_C).
     */
    private static Set<String> propertyKeys(String service) throws IOException {
        Properties properties = new Properties();
        for (Path file : List.of(ROOT.resolve("services/" + service + "/src/main/resources/application.properties"),
                ROOT.resolve("services/shared/src/main/resources/META-INF/microprofile-config.properties"))) {
            if (Files.exists(file)) {
                try (InputStream in = Files.newInputStream(file)) {
                    properties.load(in);
                }
            }
        }
        return properties.stringPropertyNames().stream()
                .map(k -> k.replaceFirst("^%[a-z]+\\.", ""))
                .map(k -> k.toUpperCase().replaceAll("[^A-Z0-9]", "_"))
                .collect(Collectors.toSet());
    }
}
