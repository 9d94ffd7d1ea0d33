package io.kontor.deploy;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.openshift.api.model.monitoring.v1.PodMonitor;
import io.fabric8.openshift.api.model.monitoring.v1.PrometheusRule;
import io.strimzi.api.kafka.model.kafka.Kafka;
import io.strimzi.api.kafka.model.nodepool.KafkaNodePool;
import io.strimzi.api.kafka.model.topic.KafkaTopic;
import io.strimzi.api.kafka.model.user.KafkaUser;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A rendered overlay as typed objects: fabric8's models for Kubernetes' own kinds, Strimzi's api for the Kafka kinds,
 * {@link Cnpg} for CloudNativePG. A kind none of them knows, or a field its model does not know, is an error.
 */
final class Manifests {

    /** deploy/kubernetes: Maven runs the tests in the module directory. */
    static final Path ROOT = Path.of("").toAbsolutePath().normalize();

    private static final Map<String, Class<?>> MODELS = Map.ofEntries(
            Map.entry("v1/Namespace", Namespace.class),
            Map.entry("v1/ConfigMap", ConfigMap.class),
            Map.entry("v1/Secret", Secret.class),
            Map.entry("v1/Service", Service.class),
            Map.entry("apps/v1/Deployment", Deployment.class),
            Map.entry("autoscaling/v2/HorizontalPodAutoscaler", HorizontalPodAutoscaler.class),
            Map.entry("policy/v1/PodDisruptionBudget", PodDisruptionBudget.class),
            Map.entry("networking.k8s.io/v1/NetworkPolicy", NetworkPolicy.class),
            Map.entry("networking.k8s.io/v1/Ingress", Ingress.class),
            Map.entry("monitoring.coreos.com/v1/PodMonitor", PodMonitor.class),
            Map.entry("monitoring.coreos.com/v1/PrometheusRule", PrometheusRule.class),
            Map.entry("kafka.strimzi.io/v1/Kafka", Kafka.class),
            Map.entry("kafka.strimzi.io/v1/KafkaNodePool", KafkaNodePool.class),
            Map.entry("kafka.strimzi.io/v1/KafkaTopic", KafkaTopic.class),
            Map.entry("kafka.strimzi.io/v1/KafkaUser", KafkaUser.class),
            Map.entry("postgresql.cnpg.io/v1/Cluster", Cnpg.Cluster.class),
            Map.entry("postgresql.cnpg.io/v1/Database", Cnpg.Database.class),
            Map.entry("postgresql.cnpg.io/v1/ScheduledBackup", Cnpg.ScheduledBackup.class),
            Map.entry("barmancloud.cnpg.io/v1/ObjectStore", Cnpg.ObjectStore.class));

    // Records reject what they do not know; fabric8 and Strimzi keep it in additionalProperties, checked below.
    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .build();

    /**
     * The workloads: one file per service (and the gateway) in base/services, each named like its Deployment, as the
     * base kustomization lists them. A service added there is checked by every test that asks for this list.
     */
    static List<String> services() {
        List<String> names = new ArrayList<>();
        for (JsonNode resource : Kustomize.readAll(ROOT.resolve("base/kustomization.yaml"))
                .get(0)
                .path("resources")) {
            String path = resource.asText();
            if (path.startsWith("services/") && path.endsWith(".yaml")) {
                names.add(path.substring("services/".length(), path.length() - ".yaml".length()));
            }
        }
        return names;
    }

    final String overlay;
    final List<Object> objects;

    private Manifests(String overlay, List<Object> objects) {
        this.overlay = overlay;
        this.objects = objects;
    }

    /** overlays/{@code name}, rendered and parsed. */
    static Manifests overlay(String name) {
        return parse(
                "overlays/" + name, Kustomize.render(ROOT.resolve("overlays").resolve(name)));
    }

    static Manifests parse(String source, List<ObjectNode> rendered) {
        List<Object> typed = new ArrayList<>();
        for (ObjectNode object : rendered) {
            typed.add(typed(source, object));
        }
        return new Manifests(source, typed);
    }

    static Object typed(String source, JsonNode object) {
        String key =
                object.path("apiVersion").asText() + "/" + object.path("kind").asText();
        Class<?> model = MODELS.get(key);
        if (model == null) {
            throw new IllegalArgumentException(source + ": no model for " + key + " (" + Kustomize.id(object) + ")");
        }
        Object parsed;
        try {
            parsed = JSON.treeToValue(object, model);
        } catch (Exception e) {
            throw new IllegalArgumentException(
                    source + ": " + Kustomize.id(object) + " does not fit " + model.getSimpleName() + ": "
                            + e.getMessage(),
                    e);
        }
        List<String> unknown = new ArrayList<>();
        unknownFields(parsed, model.getSimpleName(), unknown, new IdentityHashMap<>());
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException(
                    source + ": " + Kustomize.id(object) + " has fields its API does not know: " + unknown);
        }
        return parsed;
    }

    /** The metadata of any object here, typed by fabric8 and Strimzi or by {@link Cnpg}. */
    static ObjectMeta metadata(Object object) {
        if (object instanceof HasMetadata typed) {
            return typed.getMetadata();
        }
        if (object instanceof Cnpg.Cluster cluster) {
            return cluster.metadata();
        }
        if (object instanceof Cnpg.Database database) {
            return database.metadata();
        }
        if (object instanceof Cnpg.ScheduledBackup backup) {
            return backup.metadata();
        }
        if (object instanceof Cnpg.ObjectStore store) {
            return store.metadata();
        }
        throw new IllegalArgumentException("no metadata in " + object.getClass());
    }

    <T> List<T> all(Class<T> type) {
        return objects.stream().filter(type::isInstance).map(type::cast).toList();
    }

    <T> T one(Class<T> type) {
        List<T> all = all(type);
        if (all.size() != 1) {
            throw new IllegalStateException(overlay + " has " + all.size() + " " + type.getSimpleName());
        }
        return all.get(0);
    }

    /**
     * Walks the model objects (fabric8's and Strimzi's) and collects every property that landed in an
     * additionalProperties map, i.e. that the model, and so the API, does not have.
     */
    @SuppressWarnings("unchecked")
    private static void unknownFields(Object node, String path, List<String> unknown, Map<Object, Boolean> seen) {
        if (node == null || seen.put(node, true) != null) {
            return;
        }
        if (node instanceof Collection<?> collection) {
            int i = 0;
            for (Object element : collection) {
                unknownFields(element, path + "[" + i++ + "]", unknown, seen);
            }
            return;
        }
        if (node instanceof Map<?, ?> map) {
            map.forEach((k, v) -> unknownFields(v, path + "." + k, unknown, seen));
            return;
        }
        String packageName = node.getClass().getPackageName();
        if (!packageName.startsWith("io.fabric8.kubernetes.api.model")
                && !packageName.startsWith("io.fabric8.openshift.api.model")
                && !packageName.startsWith("io.strimzi.api")) {
            return;
        }
        for (Method getter : node.getClass().getMethods()) {
            if (getter.getParameterCount() != 0
                    || Modifier.isStatic(getter.getModifiers())
                    || !getter.getName().startsWith("get")
                    || IGNORED_GETTERS.contains(getter.getName())) {
                continue;
            }
            Object value;
            try {
                value = getter.invoke(node);
            } catch (ReflectiveOperationException | RuntimeException e) {
                continue;
            }
            if (getter.getName().equals("getAdditionalProperties") && value instanceof Map<?, ?> extra) {
                ((Map<String, Object>) extra).keySet().forEach(field -> unknown.add(path + "." + field));
            } else {
                unknownFields(value, path + "." + decapitalize(getter.getName().substring(3)), unknown, seen);
            }
        }
    }

    private static final Set<String> IGNORED_GETTERS = Set.of("getClass", "getStatus");

    private static String decapitalize(String name) {
        return name.isEmpty() ? name : Character.toLowerCase(name.charAt(0)) + name.substring(1);
    }
}
