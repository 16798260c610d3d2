import SimwatchTOML
import Testing

/// Documents TOML 1.0.0 forbids: each gives a syntax error with its line, column and a message that says what is
/// wrong.
@Suite struct SyntaxErrorTests {
    @Test(arguments: [
        // Keys.
        ("a = 1\na = 2", 2, 1, "duplicate key `a` (first defined at line 1)"),
        ("a = 1\n\"a\" = 2", 2, 1, "duplicate key `a`"),
        ("= 1", 1, 1, "expected a key"),
        ("a", 1, 2, "expected `=` after the key `a`"),
        ("a = ", 1, 5, "expected a value"),
        ("a.b = 1\na = 2", 2, 1, "duplicate key `a`"),
        ("a = 1\na.b = 2", 2, 1, "`a` is already an integer"),
        ("é = 1", 1, 1, "expected a key (letters, digits, `_` and `-`, or a quoted string), found `é`"),
        ("\"\"\"k\"\"\" = 1", 1, 1, "a key cannot be a multi-line string"),
        ("a = 1 b = 2", 1, 7, "expected the end of the line, found `b`"),
        // Strings.
        ("s = \"abc", 1, 5, "the string is not closed with `\"` before the end of the file"),
        ("s = \"abc\nx = 1", 1, 5, "before the end of its line"),
        ("s = 'abc", 1, 5, "the string is not closed with `'`"),
        ("s = \"\"\"abc", 1, 5, "the multi-line string is not closed"),
        ("s = \"\\e\"", 1, 6, "invalid escape `\\e`"),
        ("s = \"\\x41\"", 1, 6, "invalid escape `\\x`"),
        ("s = \"\\u00\"", 1, 10, "`\\u` needs 4 hexadecimal digits"),
        ("s = \"\\uD800\"", 1, 6, "`\\uD800` is not a Unicode scalar value"),
        ("s = \"\\U00110000\"", 1, 6, "is not a Unicode scalar value"),
        ("s = \"a\u{1}b\"", 1, 7, "a control character (U+0001) must be escaped"),
        ("s = 'a\u{7F}'", 1, 7, "a control character (U+007F) is not allowed in a literal string"),
        ("s = \"\"\"a\rb\"\"\"", 1, 9, "must be escaped"),
        ("s = \"\"\"a \\ b\"\"\"", 1, 12, "a `\\` followed by spaces must end its line"),
        ("s = \"\"\"a\"\"\"\"\"\"", 1, 14, "too many quotes"),
        ("# bell \u{7}", 1, 8, "a control character (U+0007) is not allowed in a comment"),
        // Numbers.
        ("i = 007", 1, 5, "a number cannot start with a zero followed by more digits"),
        ("i = 1__0", 1, 7, "an underscore in a number must be between digits"),
        ("i = 1_", 1, 7, "an underscore in a number must be between digits"),
        ("i = 9223372036854775808", 1, 5, "the integer does not fit in 64 bits"),
        ("i = -9223372036854775809", 1, 5, "the integer does not fit in 64 bits"),
        ("i = 0x8000000000000000", 1, 5, "the integer does not fit in 64 bits"),
        ("i = +0x1", 1, 5, "cannot have a sign"),
        ("i = 0o8", 1, 7, "expected a base-8 digit"),
        ("f = 1.", 1, 7, "expected a digit"),
        ("f = .5", 1, 5, "expected a value"),
        ("f = 1.5.2", 1, 8, "expected the end of the value, found `.`"),
        ("f = Inf", 1, 5, "expected a value"),
        ("b = True", 1, 5, "expected a value"),
        // Dates and times.
        ("d = 2001-02-29", 1, 5, "2001-02-29 does not exist"),
        ("d = 1979-13-01", 1, 5, "month 13 does not exist"),
        ("t = 24:00:00", 1, 5, "the time 24:00:00 does not exist"),
        ("t = 07:32", 1, 10, "the seconds are required"),
        ("d = 1979-05-27T07:32:00+24:00", 1, 5, "the offset is out of range"),
        ("d = 1979-05-27T", 1, 16, "the hour must be 2 digits"),
        // Arrays and inline tables.
        ("a = [1, 2", 1, 5, "the array is not closed with `]`"),
        ("a = [1 2]", 1, 8, "expected `,` or `]` in the array, found `2`"),
        ("a = [,]", 1, 6, "expected a value"),
        ("t = {a = 1,}", 1, 12, "an inline table cannot end with a comma"),
        ("t = {a = 1\n}", 1, 11, "an inline table must be written on one line"),
        ("t = {a = 1, a = 2}", 1, 13, "duplicate key `a`"),
        ("t = {a = {b = 1}, a.c = 2}", 1, 19, "`a` is already an inline table, which cannot be extended"),
        ("t = {a = 1}\nt.b = 2", 2, 1, "`t` is already an inline table, which cannot be extended"),
        ("t = {a = 1}\n[t]", 2, 2, "`t` is already a table (line 1), it cannot also be a table"),
        ("t = {a = 1}\n[t.b]", 2, 2, "`t` is already a table (line 1), it cannot hold tables"),
        ("a = [1]\n[[a]]", 2, 3, "`a` is already an array (line 1), it cannot also be an array of tables"),
        // Tables.
        ("[a]\n[a]", 2, 2, "table [a] is defined twice (first at line 1)"),
        ("[a]\nb.c = 1\n[a.b]", 3, 4, "table [a.b] was already defined by dotted keys at line 2"),
        ("[a.b]\n[a]\nb.c = 1", 3, 1, "table [a.b] is defined by its header at line 1; dotted keys cannot add to it"),
        ("[[a]]\n[a]", 2, 2, "[a] is an array of tables ([[a]]), it cannot also be a table"),
        ("[a]\n[[a]]", 2, 3, "[a] is already a table (line 1), it cannot also be an array of tables"),
        ("[[a.b]]\n[a]\nb.c = 1", 3, 1, "`a.b` is an array of tables ([[a.b]]); dotted keys cannot add to it"),
        ("[]", 1, 2, "expected a key"),
        ("[a", 1, 3, "expected `]` to close the table header"),
        ("[[a]", 1, 5, "expected `]]` to close the array-of-tables header"),
        ("[ [a]]", 1, 3, "expected a key"),
        ("[a] b = 1", 1, 5, "expected the end of the line, found `b`"),
        ("[é]", 1, 2, "found `é`"),
        ("[\"a\nb\"]", 1, 2, "the string is not closed"),
        // Whitespace and encoding.
        ("a = 1\rb = 2", 1, 6, "expected the end of the line, found a control character (U+000D)"),
        ("\u{FEFF}a = 1", 1, 1, "expected a key"),
        ("a = 1\u{0}", 1, 6, "expected the end of the value, found a control character (U+0000)"),
    ])
    func refused(text: String, line: Int, column: Int, message: String) {
        let error = syntaxError(text)
        #expect(error?.line == line, "\(String(describing: error))")
        #expect(error?.column == column, "\(String(describing: error))")
        #expect(error?.message.contains(message) == true, "\(String(describing: error))")
    }

    @Test func invalidUTF8IsRefusedWhereItIs() {
        for bytes: [UInt8] in [[0xFF], [0xC0, 0xAF], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0xE2, 0x82]] {
            let document = Array("a = \"é\"\ns = \"".utf8) + bytes + Array("\"".utf8)
            #expect(throws: TOMLSyntaxError(line: 2, column: 6, message: "the file is not valid UTF-8")) {
                try TOMLTable(parsing: document)
            }
        }
    }

    @Test func theDescriptionGivesThePosition() {
        #expect(
            syntaxError("a = 1\na = 2")?.description == "line 2, column 1: duplicate key `a` (first defined at line 1)"
        )
    }
}
