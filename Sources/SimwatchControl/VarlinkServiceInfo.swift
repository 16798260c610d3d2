/// What `org.varlink.service.GetInfo` reports, and the interfaces the server routes to its handler.
public struct VarlinkServiceInfo: Sendable {
    public var vendor: String
    public var product: String
    public var version: String
    public var url: String
    /// The served interfaces with their descriptions. Calls of methods not declared in a description get
    /// `org.varlink.service.MethodNotFound` without reaching the handler.
    public var interfaces: [(name: String, description: String)]

    public init(
        vendor: String,
        product: String,
        version: String,
        url: String,
        interfaces: [(name: String, description: String)]
    ) {
        self.vendor = vendor
        self.product = product
        self.version = version
        self.url = url
        self.interfaces = interfaces
    }

    /// simwatchd serving `io.simwatch.Control`. The project has no public URL yet, so `url` defaults to "".
    public static func simwatch(version: String, url: String = "") -> Self {
        VarlinkServiceInfo(
            vendor: "simwatch",
            product: "simwatchd",
            version: version,
            url: url,
            interfaces: [(ControlInterface.name, ControlInterface.description)]
        )
    }

    /// The name of the interface every Varlink service implements.
    public static let serviceInterfaceName = "org.varlink.service"

    /// The description of `org.varlink.service`, as `GetInterfaceDescription` returns it.
    public static let serviceInterfaceDescription = """
        # The interface every Varlink service provides: what the service is and which interfaces it serves.
        interface org.varlink.service

        # The service's vendor, product, version and URL, and the interfaces it serves.
        method GetInfo() -> (
          vendor: string,
          product: string,
          version: string,
          url: string,
          interfaces: []string
        )

        # The description of one served interface.
        method GetInterfaceDescription(interface: string) -> (description: string)

        # No interface of that name is served.
        error InterfaceNotFound (interface: string)

        # The interface has no method of that name.
        error MethodNotFound (method: string)

        # The interface declares the method but the service does not implement it.
        error MethodNotImplemented (method: string)

        # A parameter is missing or has the wrong type.
        error InvalidParameter (parameter: string)

        # The caller may not use this service.
        error PermissionDenied ()

        # The method streams its replies and must be called with "more": true.
        error ExpectedMore ()
        """

    /// Method names declared (`method Name(`) in an interface description.
    static func methods(in description: String) -> Set<String> {
        var names = Set<String>()
        for line in description.split(separator: "\n") {
            let text = line.drop { $0 == " " || $0 == "\t" }
            guard text.hasPrefix("method ") else { continue }
            let name = text.dropFirst("method ".count).prefix { $0 != "(" && $0 != " " }
            if !name.isEmpty { names.insert(String(name)) }
        }
        return names
    }
}
