package io.mmq.grpc.mapping;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.DynamicMessage;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.util.JsonFormat;
import java.util.Map;

/**
 * Finds the field of a JSON object that the proto3 JSON parser refused (a wrong type, bad base64,
 * an unknown enum value, a malformed timestamp...), whose own message names no field: each member
 * is parsed alone, and the first that fails is searched further (message fields, list elements, map
 * entries) down to the deepest value that fails on its own. Gives a path such as {@code
 * blocks[0].image.data} or {@code tasks[1].direction}; empty when the text is not a JSON object.
 */
final class JsonFieldLocator {
  private static final JsonFormat.Parser PARSER = JsonFormat.parser();

  private JsonFieldLocator() {}

  static String locate(String json, Descriptor type) {
    JsonElement root;
    try {
      root = JsonParser.parseString(json);
    } catch (RuntimeException e) {
      return "";
    }
    return locate(root, type, "");
  }

  private static String locate(JsonElement json, Descriptor type, String path) {
    if (!json.isJsonObject()) {
      return path;
    }
    for (Map.Entry<String, JsonElement> member : json.getAsJsonObject().entrySet()) {
      String key = member.getKey();
      JsonElement value = member.getValue();
      FieldDescriptor field = field(type, key);
      String fieldPath = FieldPath.join(path, key);
      if (field == null) {
        return fieldPath;
      }
      if (parses(type, key, value)) {
        continue;
      }
      if (field.isMapField() && value.isJsonObject()) {
        for (Map.Entry<String, JsonElement> entry : value.getAsJsonObject().entrySet()) {
          JsonObject one = new JsonObject();
          one.add(entry.getKey(), entry.getValue());
          if (!parses(type, key, one)) {
            return FieldPath.key(path, key, entry.getKey());
          }
        }
        return fieldPath;
      }
      if (field.isRepeated() && value.isJsonArray()) {
        JsonArray array = value.getAsJsonArray();
        for (int i = 0; i < array.size(); i++) {
          JsonArray one = new JsonArray();
          one.add(array.get(i));
          if (!parses(type, key, one)) {
            String elementPath = FieldPath.index(path, key, i);
            return field.getJavaType() == FieldDescriptor.JavaType.MESSAGE
                ? locate(array.get(i), field.getMessageType(), elementPath)
                : elementPath;
          }
        }
        return fieldPath;
      }
      if (!field.isRepeated() && field.getJavaType() == FieldDescriptor.JavaType.MESSAGE) {
        return locate(value, field.getMessageType(), fieldPath);
      }
      return fieldPath;
    }
    return path;
  }

  private static FieldDescriptor field(Descriptor type, String key) {
    for (FieldDescriptor field : type.getFields()) {
      if (field.getJsonName().equals(key) || field.getName().equals(key)) {
        return field;
      }
    }
    return null;
  }

  private static boolean parses(Descriptor type, String key, JsonElement value) {
    JsonObject one = new JsonObject();
    one.add(key, value);
    try {
      PARSER.merge(one.toString(), DynamicMessage.newBuilder(type));
      return true;
    } catch (InvalidProtocolBufferException | RuntimeException e) {
      return false;
    }
  }
}
