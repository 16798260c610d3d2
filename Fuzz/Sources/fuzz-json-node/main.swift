import FuzzSupport
import SimwatchCore

// The JSON documents of the JSON source and of scripts, and the JSON pointers (RFC 6901) that pick figures out
// of them. An input with a NUL is "pointer NUL document"; without one it is a document read at a few pointers.

let pointers = ["", "/data/remaining", "/items/0/left", "/a~1b/~0c", "/0", "/-", "/data/"]

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let input = FuzzInput(data, size)
    if let (head, tail) = input.split {
        let pointer = String(decoding: head, as: UTF8.self)
        _ = JSONNode.isValidPointer(pointer)
        if let node = try? JSONNode(parsing: tail) { _ = node.at(pointer: pointer) }
    } else if let node = try? JSONNode(parsing: input.bytes) {
        for pointer in pointers { _ = node.at(pointer: pointer) }
    }
    return 0
}

FuzzDriver.run(fuzz)
