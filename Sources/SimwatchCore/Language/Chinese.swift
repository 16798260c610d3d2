/// Simplified Chinese: "Orange Holiday：剩余 984 MB（共 2.5 GB，39%），按当前用量还能用 3天4小时，套餐将于 12月4日 周五
/// 10:00 CET 到期：请尽快续费". Full-width punctuation, byte units as on Chinese phones (MB, GB), a space between
/// Chinese and Latin words or figures.
public struct Chinese: Phrasebook {
    public init() {}

    public var language: Language { .zh }

    static let style = NumberStyle(
        decimalSeparator: ".",
        byteUnits: ["B", "KB", "MB", "GB", "TB", "PB", "EB"],
        spanUnits: ("周", "天", "小时", "分钟", "秒"),
        spanUnitGap: "",
        spanPartGap: ""
    )
    static let weekdays = ["周一", "周二", "周三", "周四", "周五", "周六", "周日"]

    public func bytes(_ count: ByteCount) -> String { Self.style.bytes(count) }
    public func money(_ amount: Money) -> String { Self.style.money(amount) }
    public func rate(_ value: Double, currency: String) -> String { Self.style.rate(value, currency: currency) }
    public func dateTime(_ time: LocalDateTime) -> String {
        "\(day(time)) \(ZoneOffset.twoDigits(time.hour)):\(ZoneOffset.twoDigits(time.minute)) \(time.offset.abbreviation)"
    }
    public func day(_ time: LocalDateTime) -> String { "\(time.month)月\(time.day)日 \(Self.weekdays[time.weekday - 1])" }
    public func span(_ span: TimeSpan) -> String { Self.style.span(span) }
    public func percent(_ value: Int) -> String { "\(value)%" }
    public func perDay(_ amount: String) -> String { "\(amount)/天" }
    public func fromNow(_ span: String) -> String { "\(span)后" }

    public func summary(_ name: String, _ parts: [String], action: String?) -> String {
        name + "：" + parts.joined(separator: "，") + (action.map { "：" + $0 } ?? "")
    }

    public func act(topUp: Bool, url: String?) -> String {
        let verb = topUp ? "充值" : "续费"
        return "请尽快\(verb)" + (url.map { " \($0)" } ?? "")
    }

    public func remaining(_ left: String, of total: String?, percent: String?) -> String {
        guard let total, let percent else { return "剩余 \(left)" }
        return "剩余 \(left)（共 \(total)，\(percent)）"
    }

    public var dataUsedUp: String { "流量已用完" }
    public var dataLow: String { "流量不足" }
    public func lasts(_ span: String) -> String { "按当前用量还能用 \(span)" }
    public func planExpires(_ when: String, past: Bool) -> String {
        past ? "套餐已于 \(when) 到期" : "套餐将于 \(when) 到期"
    }
    public func planExpiresIn(_ span: String, _ when: String) -> String { "套餐将在 \(span)后到期（\(when)）" }
    public var planExpired: String { "套餐已到期" }
    public var noDataLeft: String { "流量已用完" }
    public func left(_ amount: String) -> String { "剩余 \(amount)" }
    public func shows(_ amount: String) -> String { "剩余 \(amount)" }

    public func runsOut(pace: String?, in span: String, _ when: String) -> String {
        "按当前用量\(pace.map { "（\($0)）" } ?? "")，流量将在 \(span)后用完（\(when)）"
    }

    public func beforeExpiry(_ span: String) -> String { "比套餐到期早 \(span)" }
    public func useAtMost(_ amount: String) -> String { "每天最多用 \(amount) 才能撑到到期" }

    public func credit(_ credit: String?, below: String?) -> String {
        "余额 \(credit ?? "未知")" + (below.map { "，低于 \($0)" } ?? "")
    }

    public func noReading(for span: String, last: String?, error: String?) -> String {
        "已有 \(span)没有读数" + (last.map { "（上次：\($0)）" } ?? "") + (error.map { "：\($0)" } ?? "")
    }

    public var renewed: String { "已续费" }
    public func available(_ amount: String) -> String { "可用 \(amount)" }
    public func validUntil(_ when: String) -> String { "有效期至 \(when)" }
    public var renewalNotArrived: String { "续费尚未到账" }
    public var renewalArrived: String { "续费已到账" }
    public var renewButton: String { "续费" }
    public var testReminder: String { "simwatch 测试提醒" }
    public func testThrough(_ channel: String) -> String { "通过 \(channel) 发送的测试提醒；能看到这条消息，说明该渠道正常" }
    public func testSent(at when: String) -> String { "由 simwatchctl test-notify 于 \(when) 发送" }

    public var theProvider: String { "运营商" }

    public func renewalCheck(of when: String, waited: String?, source: String, figures: [String]) -> String {
        let shows =
            figures.isEmpty
            ? "" : "：\(source) \(waited == nil ? "显示" : "仍显示")" + figures.joined(separator: "，")
        guard let waited else { return "\(when) 的续费已到账\(shows)" }
        return "\(when) 的续费已过 \(waited)仍未到账\(shows)"
    }

    public func confirmedBy(_ source: String, at when: String) -> String { "已由 \(source) 于 \(when) 确认。" }
    public func contactSupport(_ support: String) -> String { "请联系客服：\(support)。" }
    public func asOf(_ when: String) -> String { "——截至\(when)（最后一次读数）" }
    public func raised(_ when: String, deliveredLater span: String) -> String {
        "\(when)发出，延迟\(span)送达。"
    }
    public var checkWithProvider: String { "请查看运营商的页面，或凭订单号联系其客服。" }
    public func recordedKeepsWatching(_ when: String) -> String {
        "记录于 \(when)；simwatch 会继续关注，到账时会通知您。"
    }

    public func detailRemaining(_ phrase: String) -> String { phrase }
    public func detailExpires(_ when: String, iso: String) -> String { "到期：\(when)（\(iso)）" }
    public func detailPace(_ perDay: String) -> String { "用量：\(perDay)" }
    public func detailAllowance(_ perDay: String) -> String { "撑到到期每天可用：\(perDay)" }
    public func detailCredit(_ credit: String) -> String { "余额：\(credit)" }
    public func detailRule(_ id: String, kind: String, severity: String) -> String {
        "规则：\(id)（\(kind)，\(severity)）"
    }
    public func detailSource(_ source: String, observed: String, estimated: Bool) -> String {
        "来源：\(source)，读取于 \(observed)\(estimated ? "（估算）" : "")"
    }

    /// "续费方式：https://…、Orange et moi 应用；客服：+33 9 69 36 39 00。"
    public func renewal(_ guide: RenewalGuide) -> String {
        var ways: [String] = []
        if let url = guide.url { ways.append("访问 \(url)") }
        if let app = guide.app {
            ways.append(app.lowercased().contains("app") || app.contains("应用") ? "使用 \(app)" : "使用 \(app) 应用")
        }
        if let shop = guide.shop { ways.append("前往门店（\(shop)）") }
        if let code = guide.code {
            switch code {
            case .ussd(let code): ways.append("拨打 \(code)")
            case .sms(let number, let body): ways.append("发送短信 \(body) 到 \(number)")
            }
        }
        var parts: [String] = []
        if !ways.isEmpty { parts.append("续费方式：\(English.list(ways, or: "，或", comma: "，"))") }
        if let support = guide.support { parts.append("客服：\(support)") }
        var text = parts.joined(separator: "；")
        if !text.isEmpty { text += "。" }
        if let note = guide.note { text += text.isEmpty ? note : " \(note)" }
        return text
    }

    /// "按您的用量（590 MB/天），到 12月20日 周日 大约还需要 9.4 GB：Orange Holiday 10 GB，20 EUR，足够（每 GB 2.00 EUR）。"
    public func advice(_ advice: OfferAdvice, zone: ZoneInfo) -> String? {
        guard let need = advice.need, let first = advice.picks.first else { return nil }
        let day = day(zone.localDateTime(need.until))
        var text = "按您的用量（\(perDay(bytes(need.pace)))），"
        text +=
            need.data.bytes > 0
            ? "到 \(day) 大约还需要 \(bytes(need.data))：" : "剩余流量够用到 \(day)；要让号码保留到那时："
        text += option(first)
        for other in advice.picks.dropFirst() {
            text += "；以 \(other.offer.price.currency) 计：" + option(other)
        }
        if advice.picks.count > 1 { text += "（不同货币的价格不作比较）" }
        return text + "。"
    }

    func option(_ option: OfferAdvice.Option) -> String {
        let times = (option.count ?? 1) > 1 ? "\(option.count ?? 1) × " : ""
        let total = money(option.totalCost ?? option.offer.price)
        let perGB = option.costPerGB.map { "每 GB " + rate($0, currency: option.offer.price.currency) } ?? "流量不限"
        return "\(times)\(option.offer.name)，\(total)，足够（\(perGB)）"
    }

    public func subject(_ kind: ReminderKind) -> String {
        switch kind {
        case .lowData: "{{line.name}} 流量不足{{#remaining}}：剩余 {{remaining}}{{/remaining}}{{event_note}}"
        case .expiring:
            "{{#expired}}套餐已到期{{/expired}}{{^expired}}套餐将在 {{expires_in}}到期{{/expired}}：{{line.name}}"
                + "{{event_note}}"
        case .runsOut: "{{line.name}} 的流量{{#runs_out_in}}将在 {{runs_out_in}}后{{/runs_out_in}}用完{{event_note}}"
        case .creditLow: "{{line.name}} 余额不足{{#credit}}：{{credit}}{{/credit}}{{event_note}}"
        case .stale: "{{line.name}} 没有读数{{event_note}}"
        case .renewed: "{{line.name}} 已续费"
        case .renewalLate: "{{line.name}} 的续费尚未到账"
        case .renewalConfirmed: "{{line.name}} 的续费已到账"
        case .test: "simwatch 测试提醒（{{channel}}）"
        }
    }

    public var fullBodyFooter: String {
        """
        线路：{{line.name}}（{{line.id}}）
        发出时间：{{created}}
        通知编号：{{id}}
        --\u{20}
        simwatch：预付费 SIM 卡和 eSIM 提醒
        """
    }

    public func eventNote(_ event: String) -> String {
        switch event {
        case "repeat": "（再次提醒）"
        case "escalated": "（紧急）"
        default: ""
        }
    }
}
