package io.kontor.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Renders a kustomization the way {@code kubectl kustomize} does, for the part of Kustomize these manifests use - so
 * that the tests need no binary. Anything else in a kustomization.yaml fails the rendering instead of being ignored.
 *
 * <ul>
 *   <li>{@code resources}: files (several YAML documents each) and directories holding a kustomization, in order;
 *   <li>{@code components}: directories with a {@code kind: Component} kustomization, applied to what the resources
 *       gave (their own resources added, their patches applied);
 *   <li>{@code patches}: strategic-merge patches from {@code path}. Without {@code target} a patch applies to the one
 *       object of its kind and name; with {@code target: {kind, name?}} to every object that matches, whatever name the
 *       patch file gives. Maps merge key by key; a list of named objects ({@code containers}, {@code env}, ...) merges
 *       by {@code name} in built-in kinds, every other list - and every list of a custom resource, for which Kustomize
 *       knows no merge keys - is replaced;
 *   <li>{@code images}: {@code name} to {@code newName}/{@code newTag} in containers;
 *   <li>{@code namespace}: set on every object but the Namespace itself (all other kinds here are namespaced).
 * </ul>
 */
final class Kustomize {

    static final ObjectMapper YAML = new YAMLMapper(new YAMLFactory());
    private static final Set<String> KNOWN_FIELDS =
            Set.of("apiVersion", "kind", "namespace", "resources", "components", "patches", "images");
    private static final Set<String> KNOWN_PATCH_FIELDS = Set.of("path", "target");
    private static final Set<String> KNOWN_TARGET_FIELDS = Set.of("kind", "name");

    private Kustomize() {}

    /** The objects {@code kubectl kustomize dir} would print, in the same order. */
    static List<ObjectNode> render(Path dir) {
        return render(dir, new ArrayList<>(), "Kustomization");
    }

    private static List<ObjectNode> render(Path dir, List<ObjectNode> inherited, String expectedKind) {
        JsonNode kustomization = readSingle(dir.resolve("kustomization.yaml"));
        kustomization.fieldNames().forEachRemaining(field -> {
            if (!KNOWN_FIELDS.contains(field)) {
                throw new IllegalArgumentException(
                        dir + "/kustomization.yaml: '" + field + "' is not supported by this composer");
            }
        });
        if (!expectedKind.equals(kustomization.path("kind").asText())) {
            throw new IllegalArgumentException(dir + "/kustomization.yaml must be of kind " + expectedKind);
        }
        List<ObjectNode> objects = inherited;
        for (JsonNode resource : kustomization.path("resources")) {
            Path path = dir.resolve(resource.asText()).normalize();
            if (Files.isDirectory(path)) {
                render(path).forEach(object -> add(objects, object, path));
            } else {
                readAll(path).forEach(object -> add(objects, object, path));
            }
        }
        for (JsonNode component : kustomization.path("components")) {
            render(dir.resolve(component.asText()).normalize(), objects, "Component");
        }
        for (JsonNode patch : kustomization.path("patches")) {
            patch.fieldNames().forEachRemaining(field -> {
                if (!KNOWN_PATCH_FIELDS.contains(field)) {
                    throw new IllegalArgumentException(
                            dir + ": patch field '" + field + "' is not supported by this composer");
                }
            });
            Path path = dir.resolve(patch.path("path").asText()).normalize();
            for (ObjectNode content : readAll(path)) {
                applyPatch(objects, content, patch.get("target"), path);
            }
        }
        for (JsonNode image : kustomization.path("images")) {
            setImage(objects, image);
        }
        if (kustomization.hasNonNull("namespace")) {
            String namespace = kustomization.get("namespace").asText();
            objects.stream()
                    .filter(o -> !"Namespace".equals(o.path("kind").asText()))
                    .forEach(o -> ((ObjectNode) o.get("metadata")).put("namespace", namespace));
        }
        return objects;
    }

    static String id(JsonNode object) {
        return object.path("apiVersion").asText() + "/" + object.path("kind").asText() + "/"
                + object.path("metadata").path("name").asText();
    }

    private static void add(List<ObjectNode> objects, ObjectNode object, Path from) {
        if (objects.stream().anyMatch(o -> id(o).equals(id(object)))) {
            throw new IllegalArgumentException(from + ": " + id(object) + " is defined twice");
        }
        objects.add(object);
    }

    private static void applyPatch(List<ObjectNode> objects, ObjectNode patch, JsonNode target, Path from) {
        String kind = target == null
                ? patch.path("kind").asText()
                : target.path("kind").asText();
        String name = target == null
                ? patch.path("metadata").path("name").asText()
                : target.path("name").asText(null);
        if (target != null) {
            target.fieldNames().forEachRemaining(field -> {
                if (!KNOWN_TARGET_FIELDS.contains(field)) {
                    throw new IllegalArgumentException(
                            from + ": target field '" + field + "' is not supported by this composer");
                }
            });
        }
        List<ObjectNode> matches = objects.stream()
                .filter(o -> o.path("kind").asText().equals(kind))
                .filter(o ->
                        name == null || o.path("metadata").path("name").asText().equals(name))
                .toList();
        if (matches.isEmpty() || (target == null && matches.size() > 1)) {
            throw new IllegalArgumentException(from + ": the patch matches " + matches.size() + " objects of kind "
                    + kind + (name == null ? "" : " named " + name));
        }
        ObjectNode content = patch.deepCopy();
        // The patch file names what it patches; with a target, the target decides and its metadata.name means nothing.
        content.remove("apiVersion");
        content.remove("kind");
        if (content.get("metadata") instanceof ObjectNode metadata) {
            metadata.remove("name");
            if (metadata.isEmpty()) {
                content.remove("metadata");
            }
        }
        for (ObjectNode object : matches) {
            merge(object, content, isBuiltIn(object));
        }
    }

    /** Built-in kinds: the core group ("v1"), groups without a dot ("apps/v1") and the *.k8s.io groups. */
    static boolean isBuiltIn(JsonNode object) {
        String apiVersion = object.path("apiVersion").asText();
        if (!apiVersion.contains("/")) {
            return true;
        }
        String group = apiVersion.substring(0, apiVersion.indexOf('/'));
        return !group.contains(".") || group.endsWith(".k8s.io");
    }

    static void merge(ObjectNode into, JsonNode patch, boolean mergeNamedLists) {
        Iterator<Map.Entry<String, JsonNode>> fields = patch.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            JsonNode current = into.get(field.getKey());
            JsonNode change = field.getValue();
            if (change.isNull()) {
                // Strategic merge: null deletes the field (overlays/prod removes the replica count the HPA owns).
                into.remove(field.getKey());
            } else if (current instanceof ObjectNode currentObject && change.isObject()) {
                merge(currentObject, change, mergeNamedLists);
            } else if (mergeNamedLists
                    && current instanceof ArrayNode currentList
                    && change.isArray()
                    && named(currentList)
                    && named(change)) {
                mergeByName(currentList, change);
            } else {
                into.set(field.getKey(), change.deepCopy());
            }
        }
    }

    private static boolean named(JsonNode list) {
        if (list.isEmpty()) {
            return false;
        }
        for (JsonNode element : list) {
            if (!element.isObject() || !element.hasNonNull("name")) {
                return false;
            }
        }
        return true;
    }

    private static void mergeByName(ArrayNode current, JsonNode change) {
        Map<String, ObjectNode> byName = new LinkedHashMap<>();
        current.forEach(element -> byName.put(element.get("name").asText(), (ObjectNode) element));
        for (JsonNode element : change) {
            ObjectNode existing = byName.get(element.get("name").asText());
            if (existing == null) {
                current.add(element.deepCopy());
            } else {
                merge(existing, element, true);
            }
        }
    }

    private static void setImage(List<ObjectNode> objects, JsonNode image) {
        String name = image.path("name").asText();
        for (ObjectNode object : objects) {
            for (JsonNode container : object.at("/spec/template/spec/containers")) {
                String current = container.path("image").asText();
                String bare = current.contains(":") ? current.substring(0, current.lastIndexOf(':')) : current;
                if (bare.equals(name)) {
                    String newName = image.path("newName").asText(name);
                    String tag = image.hasNonNull("newTag")
                            ? ":" + image.get("newTag").asText()
                            : current.substring(bare.length());
                    ((ObjectNode) container).set("image", TextNode.valueOf(newName + tag));
                }
            }
        }
    }

    static List<ObjectNode> readAll(Path file) {
        try (var parser = YAML.getFactory().createParser(file.toFile())) {
            List<ObjectNode> documents = new ArrayList<>();
            YAML.readValues(parser, JsonNode.class).forEachRemaining(document -> {
                if (document != null && document.isObject() && !document.isEmpty()) {
                    documents.add((ObjectNode) document);
                }
            });
            return documents;
        } catch (IOException e) {
            throw new UncheckedIOException(file.toString(), e);
        }
    }

    private static JsonNode readSingle(Path file) {
        List<ObjectNode> documents = readAll(file);
        if (documents.size() != 1) {
            throw new IllegalArgumentException(file + " must hold one document");
        }
        return documents.get(0);
    }
}
