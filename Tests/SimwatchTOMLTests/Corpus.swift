/// Hand-written documents for the differential test, following the sections of the TOML 1.0.0 specification: the
/// tricky corners each parser must agree on. Whether each is valid is not written here: tomllib decides, and the
/// unit tests pin the important verdicts.
enum Corpus {
    static let documents: [String] =
        comments + keys + strings + numbers + dates + arrays + tables + inlineTables
        + arraysOfTables + whitespace

    static let comments = [
        "# only a comment", "a = 1 # after", "a = 1#tight", "# \u{1}", "# \u{7F}", "# tab\tok", "#\r", "a = 1 #\r\n",
        "# é ünïcödé", "\n\n# x\n\n",
    ]

    static let keys = [
        "key = 1", "bare_key = 1\nbare-key = 2\n1234 = 3", "\"127.0.0.1\" = 1", "\"ʎǝʞ\" = 1", "'quoted \"value\"' = 1",
        "= 1", "\"\" = 1", "'' = 1", "a.b.c = 1", "a . b . c = 1", "a.\"b.c\".d = 1", "3.14159 = 1", "a. = 1",
        ".a = 1", "a..b = 1", "a = 1\na = 2", "a = 1\n\"a\" = 2", "a = 1\n'a' = 2", "spelling = 1\n\"spelling\" = 2",
        "a.b = 1\na.c = 2", "a.b = 1\na.b.c = 2", "a = 1\na.b = 2", "apple.type = 1\norange.type = 2\napple.skin = 3",
        "key", "key =", "key = # nothing", "first = \"Tom\" last = \"Preston\"", "a\n= 1", "a =\n1", "é = 1",
        "\"\\u00e9\" = 1\n\"é\" = 2", "\"a\\tb\" = 1", "\"\"\"a\"\"\" = 1", "'''a''' = 1", "a.'b'.\"c\" = 1",
        "1.2 = 3", "-- = 1", "a-b_c = true", "\"\\x\" = 1",
    ]

    static let strings = [
        "s = \"I'm a string. \\\"You can quote me\\\". Name\\tJos\\u00E9\\nLocation\\tSF.\"",
        "s = \"\\b\\t\\n\\f\\r\\\"\\\\\"", "s = \"\\e\"", "s = \"\\x41\"", "s = \"\\u00\"", "s = \"\\U0010FFFF\"",
        "s = \"\\U00110000\"", "s = \"\\uDFFF\"", "s = \"\\uFFFF\"", "s = \"\\u0000\"", "s = \"a\u{1}b\"",
        "s = \"a\u{7F}b\"", "s = \"a\tb\"", "s = 'a\tb'", "s = 'a\u{1}b'", "s = \"\"\"\nRoses\nViolets\"\"\"",
        "s = \"\"\"\r\nwindows\r\n\"\"\"", "s = \"\"\"\nThe quick \\\n\n\n  brown \\\n  fox.\"\"\"",
        "s = \"\"\"\\\n  The quick \\\n  brown.\\\n  \"\"\"", "s = \"\"\"a \\  \n b\"\"\"", "s = \"\"\"a \\  b\"\"\"",
        "s = \"\"\"Here are two quotation marks: \"\". Simple enough.\"\"\"",
        "s = \"\"\"Here are three quotation marks: \"\"\\\".\"\"\"",
        "s = \"\"\"Here are fifteen: \"\"\\\"\"\"\\\"\"\"\\\"\"\"\\\"\"\"\\\".\"\"\"",
        "s = \"\"\"\"This,\" she said, \"is just a pointless statement.\"\"\"\"", "s = \"\"\"\"\"\"",
        "s = \"\"\"\"\"\"\"", "s = \"\"\"\"\"\"\"\"", "s = \"\"\"a\"\"\"\"\"", "s = \"\"\"a\"\"\"\"\"\"",
        "s = 'C:\\Users\\nodejs\\templates'", "s = '\\\\ServerX\\admin$\\system32\\'", "s = 'Tom \"Dubs\" Preston'",
        "s = '<\\i\\c*\\s*>'", "s = '''I [dw]on't need \\d{2} apples'''",
        "s = '''\nThe first newline is\ntrimmed.\n'''",
        "s = '''Here are fifteen quotation marks: \"\"\"\"\"\"\"\"\"\"\"\"\"\"\"'''", "s = ''''That,' she said.'''",
        "s = '''a'''''", "s = '''a''''''", "s = ''''''", "s = \"unterminated", "s = 'unterminated",
        "s = \"\"\"unterminated", "s = '''unterminated", "s = \"a\nb\"", "s = 'a\nb'", "s = \"\"\"a\rb\"\"\"",
        "s = \"\"\"a\u{1}b\"\"\"", "s = '''a\u{7F}b'''", "s = \"\"\"\ta\"\"\"", "s = \"a\" \"b\"", "s = \"\\ \"",
        "s = \"\"\"\\\"\"\"", "s = \"\\", "s = \"\"\"\n\\\n\"\"\"", "s = \"\\u00E9\\U0001F600\"", "s = \"😀\"",
        "s = \"\"\"\\\r\n  x\"\"\"", "s = \"\\\\\\\"\"",
    ]

    static let numbers = [
        "i = +99\nj = 42\nk = 0\nl = -17", "i = 1_000\nj = 5_349_221\nk = 53_49_221\nl = 1_2_3_4_5",
        "i = 0xDEADBEEF\nj = 0xdeadbeef\nk = 0xdead_beef\nl = 0o01234567\nm = 0o755\nn = 0b11010110",
        "i = 9223372036854775807", "i = -9223372036854775808", "i = 9223372036854775808", "i = -9223372036854775809",
        "i = 0x7FFFFFFFFFFFFFFF", "i = 0x8000000000000000", "i = 0o777777777777777777777",
        "i = 0o1777777777777777777777",
        "i = 0b" + String(repeating: "1", count: 63), "i = 0b1" + String(repeating: "0", count: 63),
        "i = 99999999999999999999999", "i = 0X1F", "i = 0O7", "i = 0B1", "i = 0x", "i = 0x_1", "i = 0x1_", "i = 0o8",
        "i = 0b2", "i = 0xg", "i = +0x1", "i = -0b1", "i = 01", "i = 00", "i = -01", "i = +01", "i = 0_1",
        "i = 1__2", "i = _1", "i = 1_", "i = +", "i = -", "i = ++1", "i = 1e", "i = 1e+", "i = 1.e3",
        "f = +1.0\ng = 3.1415\nh = -0.01", "f = 5e+22\ng = 1e06\nh = -2E-2", "f = 6.626e-34", "f = 224_617.445_991_228",
        "f = -0.0\ng = +0.0", "f = .7", "f = 7.", "f = 3.e+20", "f = 1.0e", "f = 0.0001e-10", "f = 1e400",
        "f = -1e400", "f = 1e-400", "f = 4.9e-324", "f = 1.7976931348623157e308", "f = 0.1", "f = 1e1_0",
        "f = 1_e1", "f = 1.0_", "f = 1._0", "f = 00.1", "f = 01.1", "f = 0.0_1", "f = 0e0", "f = 0E+0",
        "f = inf\ng = +inf\nh = -inf", "f = nan\ng = +nan\nh = -nan", "f = Inf", "f = NaN", "f = infinity", "f = nan1",
        "f = inf_", "f = 1.5 2", "f = 1.2.3", "f = 3.14159265358979323846264338327950288419716939937510",
        "f = 12345678901234567890.0", "i = 1979", "i = 1979-", "i = 12:", "i = 1_979-05-27",
    ]

    static let dates = [
        "d = 1979-05-27T07:32:00Z", "d = 1979-05-27T00:32:00-07:00", "d = 1979-05-27T00:32:00.999999-07:00",
        "d = 1979-05-27 07:32:00Z", "d = 1979-05-27T07:32:00", "d = 1979-05-27T00:32:00.999999", "d = 1979-05-27",
        "t = 07:32:00", "t = 00:32:00.999999", "t = 00:32:00.9999999999", "t = 00:32:00.1", "d = 1979-05-27t07:32:00z",
        "d = 1979-05-27T07:32:00+00:00", "d = 1979-05-27T07:32:00-00:00", "d = 1979-05-27T07:32:00+23:59",
        "d = 1979-05-27T07:32:00+24:00", "d = 1979-05-27T07:32:00+01:60", "d = 1979-05-27T07:32:00+1:00",
        "d = 1979-05-27T07:32:00+0100", "d = 2000-02-29", "d = 1900-02-29", "d = 2004-02-29", "d = 2001-02-29",
        "d = 1979-04-31", "d = 1979-00-01", "d = 1979-01-00", "d = 1979-13-01", "d = 1979-1-01", "d = 79-05-27",
        "d = 19790-05-27", "d = 1979-05-27T7:32:00", "d = 1979-05-27T07:32", "d = 1979-05-27 07:32",
        "t = 24:00:00", "t = 23:60:00", "t = 23:59:60", "t = 23:59:59", "t = 07:32", "t = 7:32:00", "t = 07:32:00.",
        "t = 07:32:00Z", "t = 07:32:00+01:00", "d = 1979-05-27T07:32:00.Z", "d = 1979-05-27T", "d = 1979-05-27 ",
        "d = 1979-05-27 # c", "d = 1979-05-27  07:32:00", "d = 1979-05-27_07:32:00", "d = 0001-01-01",
        "d = 9999-12-31T23:59:59.999999Z", "d = [1979-05-27, 07:32:00, 1979-05-27T07:32:00Z]",
        "d = {a = 1979-05-27}", "d = 1979-05-27T07:32:00.123456789123Z", "d = 1987-07-05T17:45:00.5z",
        "d = 1979-05-27T07:32:00.000001-00:01",
    ]

    static let arrays = [
        "a = [ 1, 2, 3 ]\nb = [ \"red\", \"yellow\", \"green\" ]\nc = [ [ 1, 2 ], [3, 4, 5] ]",
        "a = [ \"all\", 'strings', \"\"\"are the same\"\"\", '''type''' ]", "a = [ [ 1, 2 ], [\"a\", \"b\", \"c\"] ]",
        "a = [ 0.1, 0.2, 0.5, 1, 2, 5 ]",
        "a = [\n  \"Foo Bar <foo@example.com>\",\n  { name = \"Baz Qux\", email = \"bazqux@example.com\", url = \"https://example.com/bazqux\" }\n]",
        "a = [\n  1,\n  2, # this is ok\n]", "a = []", "a = [ ]", "a = [\n]", "a = [,]", "a = [1,,2]", "a = [1 2]",
        "a = [1,", "a = [", "a = [1", "a = ]", "a = [[]]", "a = [[[[[[1]]]]]]",
        "a = [ # c\n 1 # c\n , # c\n 2 # c\n ] # c",
        "a = [\r\n1,\r\n2\r\n]", "a = [1]\na = [2]", "a = [1]\n[a]", "a = [1]\n[[a]]", "a = [{b = 1}]\n[[a]]",
        "a = [{b = 1}]\n[a.c]", "a = [\n  1\n  , 2]", "a = [\"a\"\n\"b\"]", "a = [1,]\nb = [1,2,]", "a = [,1]",
        "a = [true, false, 1, \"x\", 1.5, [1], {a = 1}]", "a = [# only a comment\n]", "a = [\u{1}]", "a = [1]]",
    ]

    static let tables = [
        "[table]", "[table-1]\nkey1 = \"some string\"\nkey2 = 123\n\n[table-2]\nkey1 = \"another string\"\nkey2 = 456",
        "[dog.\"tater.man\"]\ntype.name = \"pug\"", "[a.b.c]\n[ d.e.f ]\n[ g .  h  . i ]\n[ j . \"ʞ\" . 'l' ]",
        "[x.y.z.w]\n[x]", "[fruit]\napple = \"red\"\n[fruit]\norange = \"orange\"",
        "[fruit]\napple = \"red\"\n[fruit.apple]\ntexture = \"smooth\"",
        "[fruit.apple]\n[animal]\n[fruit.orange]", "[fruit.apple]\n[fruit]\nx = 1", "[a]\n[a]", "[a]\n[\"a\"]",
        "[a.b]\n[a]\nb = 1", "[a.b]\n[a]\nb.c = 1", "[a.b.c]\n[a]\nb.d = 1", "[a.b.c]\n[a]\nb.d = 1\n[a.b]",
        "[fruit]\napple.color = \"red\"\napple.taste.sweet = true\n[fruit.apple.texture]\nsmooth = true",
        "[fruit]\napple.color = \"red\"\n[fruit.apple]", "[fruit]\napple.color = \"red\"\n[fruit.apple.taste]",
        "a.b = 1\n[a]", "a.b = 1\n[a.c]", "a.b.c = 1\n[a.b]", "a.b.c = 1\n[a.b.d]", "a = 1\n[a]", "a = 1\n[a.b]",
        "[]", "[ ]", "[a", "[a]x", "[a] = 1", "[a.]", "[.a]", "[a..b]", "[é]", "[[[1]]]", "[[=", "a = 1\n\n[\n",
        "[ok]\n  [ +x]", "[a]\r\n", "[a] # c", "[a]#c", "[a] b = 1", "[ [a]]", "[a ]]", "[[a] ]", "[\"\"]", "['']",
        "[\"a\nb\"]", "[a.\"\"]", "  [indented]\n  k = 1", "[a]\nb = 1\n[a.b]", "[a]\nb = {}\n[a.b]",
        "[a]\nb.c = 1\n[a.b.c]", "[a.b]\nc = 1\n[a]\nb.d = 2", "[product]\ntype = { name = \"Nail\" }\n[product.type]",
        "[a]\n[b]\n[a.c]\n[b.d]", "['a b'.\"c d\"]\nx = 1", "[\"\\u0061\"]\n[a]",
    ]

    static let inlineTables = [
        "name = { first = \"Tom\", last = \"Preston-Werner\" }\npoint = { x = 1, y = 2 }\nanimal = { type.name = \"pug\" }",
        "a = {}", "a = { }", "a = {a = 1,}", "a = {,}", "a = {a = 1 b = 2}", "a = {a = 1\n}", "a = {\na = 1}",
        "a = {a = 1, a = 2}", "a = {a.b = 1, a.c = 2}", "a = {a.b = 1, a = 2}", "a = {a = {b = 1}, a.c = 2}",
        "a = {a = [1], a.b = 2}", "a = {b = 1}\na.c = 2", "a = {b = 1}\n[a]", "a = {b = 1}\n[a.c]",
        "a = {b = {c = {d = 1}}}", "a = {b = [{c = 1}, {c = 2}]}",
        "[product]\ntype = { name = \"Nail\" }\ntype.edible = false",
        "[product]\ntype.name = \"Nail\"\ntype = { edible = false }", "a = { b = 1 } # c", "a = {b=1,c=2}",
        "a = {\"b.c\" = 1, 'd' = 2}", "a = { b = \"}\" }", "a = { b = 1 }}", "a = {{b = 1}}", "a = {b = 1, }",
        "a = {b = 1\n, c = 2}", "a = {b = \"\"\"x\ny\"\"\"}", "a = {b = [1,\n2]}", "a = {b = 1 # c\n}",
        "a = { b.c.d = 1, b.c.e = 2, b.f = 3 }", "a = {b = 1}\nb = {b = 1}",
    ]

    static let arraysOfTables = [
        "[[products]]\nname = \"Hammer\"\nsku = 738594937\n\n[[products]]  # empty table within the array\n\n[[products]]\nname = \"Nail\"",
        "[[fruits]]\nname = \"apple\"\n[fruits.physical]\ncolor = \"red\"\n[[fruits.varieties]]\nname = \"red delicious\"\n[[fruits.varieties]]\nname = \"granny smith\"\n[[fruits]]\nname = \"banana\"\n[[fruits.varieties]]\nname = \"plantain\"",
        "[fruit.physical]\ncolor = \"red\"\n[[fruit]]\nname = \"apple\"",
        "[[fruits]]\nname = \"apple\"\n[[fruits.varieties]]\nname = \"red delicious\"\n[fruits.varieties]\nname = \"granny smith\"",
        "[[fruits]]\n[fruits.physical]\n[[fruits.physical]]", "fruits = []\n[[fruits]]", "[[a]]\n[a]", "[a]\n[[a]]",
        "[[a]]\nb.c = 1\n[[a]]\nb.c = 2", "[[a]]\n[a.b]\n[[a]]\n[a.b]", "[[a]]\n[a.b]\n[a.b]", "[[a.b]]\n[a]\nb.c = 1",
        "[[a.b]]\n[[a.b]]\n[a]", "[[a.b]]\n[a]\n[a]", "[[a]]\n[[a.b]]\n[a.b.c]\n[[a]]\n[a.b]", "[[ a ]]", "[[a]] # c",
        "[[a]]]", "[[a]", "[[a.\"b\"]]\n[[a.b]]", "[[]]", "a = [{}]\n[[a]]", "[[a]]\na = 1", "[[a]]\n[[a.a]]\n[a.a]",
        "[a.b]\n[[a]]", "[[a]]\n[[a.b]]\n[[a]]\n[[a.b]]\nx = 1", "[a]\nb = [1]\n[[a.b]]",
        "[[x]]\ny = 1\n[x.z]\nw = 2\n[[x]]\n[x.z]\nw = 3",
    ]

    static let whitespace = [
        "", " ", "\n", "\r\n", "\r", "a = 1\r", "a = 1\rb = 2", "\ta\t=\t1\t", "a = 1\n\n\n", "\u{FEFF}a = 1",
        "a = 1\u{0}", "a = \"1\"\u{0}", "\u{0}", "a = 1 \u{C}", "a\u{A0}= 1", "a = 1\n\u{3000}b = 2",
    ]
}
