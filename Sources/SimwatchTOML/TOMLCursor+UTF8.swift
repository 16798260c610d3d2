extension TOMLCursor {
    /// Checks the whole input is well-formed UTF-8 (no overlong forms, surrogates or values past U+10FFFF) before
    /// any of it is read, so every string made later is exactly the bytes written.
    func validateUTF8() throws(TOMLSyntaxError) {
        var i = 0
        var line = 1
        var lineStart = 0
        let count = bytes.count
        while i < count {
            let lead = bytes[i]
            if lead < 0x80 {
                if lead == .newline {
                    line += 1
                    lineStart = i + 1
                }
                i += 1
                continue
            }
            let length: Int
            var scalar: UInt32
            switch lead {
            case 0xC2...0xDF: (length, scalar) = (2, UInt32(lead & 0x1F))
            case 0xE0...0xEF: (length, scalar) = (3, UInt32(lead & 0x0F))
            case 0xF0...0xF4: (length, scalar) = (4, UInt32(lead & 0x07))
            default:
                length = 0
                scalar = 0
            }
            var valid = length > 0 && i + length <= count
            if valid {
                for k in 1..<length {
                    let next = bytes[i + k]
                    guard next & 0xC0 == 0x80 else {
                        valid = false
                        break
                    }
                    scalar = scalar << 6 | UInt32(next & 0x3F)
                }
            }
            let minimum: UInt32 = length == 3 ? 0x800 : length == 4 ? 0x10000 : 0x80
            if !valid || scalar < minimum || scalar > 0x10FFFF || (0xD800...0xDFFF).contains(scalar) {
                var column = 1
                for k in lineStart..<i where bytes[k] & 0xC0 != 0x80 { column += 1 }
                throw TOMLSyntaxError(line: line, column: column, message: "the file is not valid UTF-8")
            }
            i += length
        }
    }
}
