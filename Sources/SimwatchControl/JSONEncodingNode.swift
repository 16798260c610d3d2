/// One value being encoded, for `JSONValueEncoder`: containers write into nodes, and the tree becomes a
/// `JSONValue` once encoding is done (a nested container may still be written after its parent has handed it out).
final class JSONEncodingNode {
    private var scalar: JSONValue?
    private var members: [String: JSONEncodingNode]?
    private var items: [JSONEncodingNode]?

    /// The tree as JSON; a value that encoded nothing is an empty object.
    var value: JSONValue {
        if let scalar { return scalar }
        if let items { return .array(items.map(\.value)) }
        return .object((members ?? [:]).mapValues(\.value))
    }

    /// Elements so far, for an unkeyed container's `count`.
    var itemCount: Int { items?.count ?? 0 }

    /// This node is `value`.
    func set(_ value: JSONValue) {
        scalar = value
        members = nil
        items = nil
    }

    /// A new node for the member `key` of this node, which becomes an object.
    func member(_ key: String) -> JSONEncodingNode {
        becomeObject()
        let child = JSONEncodingNode()
        members![key] = child
        return child
    }

    /// A new node appended to this node, which becomes an array.
    func appended() -> JSONEncodingNode {
        becomeArray()
        let child = JSONEncodingNode()
        items!.append(child)
        return child
    }

    /// Makes this node an object (kept if it is one), as JSONEncoder writes `{}` for a keyed container left empty.
    func becomeObject() {
        guard members == nil else { return }
        scalar = nil
        items = nil
        members = [:]
    }

    /// Makes this node an array (kept if it is one).
    func becomeArray() {
        guard items == nil else { return }
        scalar = nil
        members = nil
        items = []
    }
}
