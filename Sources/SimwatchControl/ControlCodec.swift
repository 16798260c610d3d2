/// Converts between the typed method structs (camelCase) and the wire's JSON (snake_case field names).
public enum ControlCodec {
    /// Decodes typed parameters from a call's JSON; a mismatch becomes `org.varlink.service.InvalidParameter`
    /// naming the field. Straight from the value (`JSONValueDecoder`), not through JSON text and JSONDecoder.
    public static func decode<T: Decodable>(_ type: T.Type, from value: JSONValue) throws(ControlError) -> T {
        do {
            return try JSONValueDecoder(value).decode(T.self)
        } catch let DecodingError.keyNotFound(key, _) {
            throw .invalidParameter(snakeCase(key.stringValue))
        } catch let DecodingError.typeMismatch(_, context), let DecodingError.valueNotFound(_, context) {
            throw .invalidParameter(context.codingPath.map { snakeCase($0.stringValue) }.joined(separator: "."))
        } catch {
            throw .invalidParameter("parameters")
        }
    }

    /// Encodes a typed value as the JSON object sent on the wire, member names in snake_case as JSONEncoder's
    /// `.convertToSnakeCase` writes them; straight to the value (`JSONValueEncoder`), not through JSON text.
    public static func encode<T: Encodable>(_ value: T) -> JSONValue {
        (try? JSONValueEncoder.encode(value)) ?? .object([:])
    }

    static func snakeCase(_ name: String) -> String {
        var out = ""
        for c in name {
            if c.isUppercase {
                out += "_" + c.lowercased()
            } else {
                out.append(c)
            }
        }
        return out
    }
}
