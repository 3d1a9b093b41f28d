#!/usr/bin/env python3
"""Writes the sample mails in corpus/ (the .eml files are committed; this script documents how the
encoded parts were made). Run from this directory: python3 make_corpus.py"""
import base64, quopri, os, textwrap

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "corpus")
os.makedirs(OUT, exist_ok=True)

def b64(data: bytes, width=76) -> bytes:
    e = base64.b64encode(data)
    return b"\r\n".join(e[i:i + width] for i in range(0, len(e), width))

def qp(data: bytes) -> bytes:
    return quopri.encodestring(data).replace(b"\r\n", b"\n").replace(b"\n", b"\r\n")

def ew(text: str, charset: str, enc="B") -> str:
    data = text.encode(charset.replace("gb2312", "gb18030").replace("GB2312", "gb18030"))
    if enc == "B":
        return "=?%s?B?%s?=" % (charset, base64.b64encode(data).decode())
    q = "".join(chr(b) if (48 <= b <= 57 or 65 <= b <= 90 or 97 <= b <= 122) else "=%02X" % b for b in data)
    return "=?%s?Q?%s?=" % (charset, q)

def crlf(s) -> bytes:
    if isinstance(s, str):
        s = s.encode("ascii")
    return s.replace(b"\r\n", b"\n").replace(b"\n", b"\r\n")

def write(name, *chunks):
    data = b"".join(c if isinstance(c, bytes) else crlf(c) for c in chunks)
    with open(os.path.join(OUT, name), "wb") as f:
        f.write(data)

GBK = "gb18030"

# 01 QQ Mail: GBK complaint about a lost parcel, declared gb2312 but containing GBK-only 喆
body01 = ("您好：\n\n我在11月20日下单的订单号 20261120-8841 至今没有收到，物流信息显示11月23日已签收，"
          "但我本人和家人都没有签收过。快递员电话一直打不通。请尽快帮我查询包裹下落，否则我要求全额退款。\n\n王喆\n"
          "手机：138 0013 8000\n")
html01 = "<div>您好：</div><div><br></div><div>我在11月20日下单的订单号 20261120-8841 至今没有收到，物流信息显示11月23日已签收，" \
         "但我本人和家人都没有签收过。</div><div>王喆</div>"
write("01-qq-gbk-lost-parcel.eml",
      "Received: from smtpbg.qq.com (unknown [203.205.250.1])\n\tby mx.kefu.example with ESMTP\n"
      "Return-Path: <12345678@qq.com>\n"
      "From: \"" + ew("王喆", "gb18030") + "\" <12345678@qq.com>\n"
      "To: \"" + ew("客服中心", "gb18030") + "\" <support@kefu.example>\n"
      "Subject: " + ew("投诉：包裹丢失，订单20261120-8841", "gb18030") + "\n"
      "Mime-Version: 1.0\n"
      "Content-Type: multipart/alternative;\n\tboundary=\"----=_NextPart_6746A1B2_0B8E7F40_1C2D3E4F\"\n"
      "Content-Transfer-Encoding: 8Bit\n"
      "Date: Mon, 30 Nov 2026 09:15:42 +0800\n"
      "X-Priority: 3\nMessage-ID: <tencent_8F3C1A2B4D5E6F708192A3B4@qq.com>\nX-QQ-MIME: TCMime 1.0 by Tencent\n"
      "X-Mailer: QQMail 2.x\nX-QQ-Mailer: QQMail 2.x\n\n"
      "This is a multi-part message in MIME format.\n\n"
      "------=_NextPart_6746A1B2_0B8E7F40_1C2D3E4F\n"
      "Content-Type: text/plain;\n\tcharset=\"gb2312\"\nContent-Transfer-Encoding: base64\n\n",
      b64(body01.encode(GBK)),
      "\n\n------=_NextPart_6746A1B2_0B8E7F40_1C2D3E4F\n"
      "Content-Type: text/html;\n\tcharset=\"gb2312\"\nContent-Transfer-Encoding: base64\n\n",
      b64(("<meta http-equiv=\"Content-Type\" content=\"text/html; charset=GB2312\">" + html01).encode(GBK)),
      "\n\n------=_NextPart_6746A1B2_0B8E7F40_1C2D3E4F--\n\n")

# 02 163 mail: GB2312 quoted-printable, name in a Q encoded word
body02 = "客服你好，\n\n我收到的电饭煲内胆有裂痕，要求换货。照片稍后补发。\n\n李娜\n"
write("02-163-gb2312-qp.eml",
      "Return-Path: <lina_1988@163.com>\n"
      "Date: Tue, 1 Dec 2026 20:03:11 +0800 (CST)\n"
      "From: " + ew("李娜", "GB2312", "Q") + " <lina_1988@163.com>\n"
      "To: support@kefu.example\n"
      "Message-ID: <5f1c2a9b.1a2b.18c3d4e5f60.Coremail.lina_1988@163.com>\n"
      "Subject: " + ew("电饭煲内胆有裂痕，要求换货", "GB2312") + "\n"
      "MIME-Version: 1.0\n"
      "Content-Type: text/plain; charset=GBK\nContent-Transfer-Encoding: quoted-printable\n"
      "X-Mailer: Coremail Webmail Server Version XT5.0.14\n\n",
      qp(body02.encode(GBK)), "\n")

# 03 Taiwan customer in Big5; attachment name RFC 2231 in big5
body03 = "您好：\n\n我上週訂購的包裹遺失了，物流公司說已經送達，但我沒有收到。請協助處理，謝謝。\n\n陳怡君 敬上\n"
write("03-big5-taiwan.eml",
      "From: " + ew("陳怡君", "big5") + " <yijun.chen@example.com.tw>\n"
      "To: support@kefu.example\n"
      "Subject: " + ew("包裹遺失，請協助處理", "big5") + "\n"
      "Date: Wed, 02 Dec 2026 14:20:00 +0800\n"
      "Message-ID: <20261202142000.4F2A@example.com.tw>\n"
      "MIME-Version: 1.0\n"
      "Content-Type: multipart/mixed; boundary=\"big5-boundary\"\n\n"
      "--big5-boundary\n"
      "Content-Type: text/plain; charset=big5\nContent-Transfer-Encoding: 8bit\n\n",
      crlf(body03.encode("big5")),
      "\n--big5-boundary\n"
      "Content-Type: text/plain; name=\"receipt.txt\"\n"
      "Content-Disposition: attachment; filename*=big5''" +
      "".join("%%%02X" % b for b in "收據.txt".encode("big5")) + "\n"
      "Content-Transfer-Encoding: base64\n\n",
      b64("訂單編號 TW-5521".encode("big5")),
      "\n--big5-boundary--\n")

# 04 ISO-2022-JP
body04 = "お世話になっております。\n注文した商品がまだ届いていません。\n確認をお願いします。\n山田太郎\n"
write("04-iso-2022-jp.eml",
      "From: " + ew("山田太郎", "ISO-2022-JP") + " <taro.yamada@example.co.jp>\n"
      "To: support@kefu.example\n"
      "Subject: " + ew("商品が届きません", "ISO-2022-JP") + "\n"
      "Date: Wed, 2 Dec 2026 10:00:00 +0900\n"
      "Message-ID: <jp-0001@example.co.jp>\n"
      "MIME-Version: 1.0\nContent-Type: text/plain; charset=ISO-2022-JP\nContent-Transfer-Encoding: 7bit\n\n",
      crlf(body04.encode("iso2022_jp")))

# 05 Outlook HTML only, with script, event handler, javascript: link, style
html05 = ("<html xmlns:o=\"urn:schemas-microsoft-com:office:office\"><head><meta http-equiv=Content-Type content=\"text/html; charset=gb2312\">"
          "<style><!-- p.MsoNormal {margin:0cm;} --></style><script>alert('x')</script></head>"
          "<body lang=ZH-CN link=\"#0563C1\"><div class=WordSection1>"
          "<p class=MsoNormal>您好，<o:p></o:p></p>"
          "<p class=MsoNormal onclick=\"steal()\">我们公司采购的办公椅有<b>三把</b>在运输中损坏，详见<a href=\"https://portal.example.cn/orders/7781\">订单详情</a>。<o:p></o:p></p>"
          "<p class=MsoNormal><a href=\"javascript:alert(1)\">点这里</a><o:p></o:p></p>"
          "<p class=MsoNormal>张伟<br>采购部<o:p></o:p></p></div></body></html>")
write("05-outlook-html-only.eml",
      "From: =?gb2312?B?" + base64.b64encode("张伟".encode(GBK)).decode() + "?= <zhang.wei@corp.example.cn>\n"
      "To: \"support@kefu.example\" <support@kefu.example>\n"
      "Subject: =?gb2312?B?" + base64.b64encode("办公椅运输损坏".encode(GBK)).decode() + "?=\n"
      "Thread-Topic: =?gb2312?B?" + base64.b64encode("办公椅运输损坏".encode(GBK)).decode() + "?=\n"
      "Date: Wed, 2 Dec 2026 03:11:09 +0000\n"
      "Message-ID: <TYZPR06MB1234ABCD5678EF90@TYZPR06MB1234.apcprd06.prod.outlook.com>\n"
      "Accept-Language: zh-CN, en-US\nContent-Language: zh-CN\nX-MS-Has-Attach:\n"
      "Content-Type: text/html; charset=\"gb2312\"\nContent-Transfer-Encoding: quoted-printable\nMIME-Version: 1.0\n\n",
      qp(html05.encode(GBK)))

# 06 iPhone reply with quoted history
body06 = ("好的，谢谢你们这么快处理！\n\n发自我的iPhone\n\n"
          "> 在 2026年12月1日，10:12，客服中心 <support@kefu.example> 写道：\n>\n"
          "> 您好，您的退款申请已受理，预计3个工作日内到账。\n> \n> [#2026-000123]\n")
write("06-iphone-reply.eml",
      "From: " + ew("赵敏", "utf-8") + " <zhaomin@icloud.com>\n"
      "Content-Type: text/plain; charset=utf-8\nContent-Transfer-Encoding: quoted-printable\n"
      "Mime-Version: 1.0 (1.0)\n"
      "Subject: " + ew("Re: [#2026-000123] 退款申请", "utf-8") + "\n"
      "Date: Tue, 1 Dec 2026 10:30:05 +0800\n"
      "Message-Id: <A1B2C3D4-E5F6-4711-8899-AABBCCDDEEFF@icloud.com>\n"
      "References: <reply-2026-000123.1@kefu.example>\n"
      "In-Reply-To: <reply-2026-000123.1@kefu.example>\n"
      "To: " + ew("客服中心", "utf-8") + " <support@kefu.example>\n"
      "X-Mailer: iPhone Mail (22B91)\n\n",
      qp(body06.encode("utf-8")))

# 07 Foxmail reply (写道), GB2312 base64 in multipart/alternative
body07 = ("收到，我再等两天看看。\n\n\n\n刘洋\nliuyang@foxmail.com\n\n"
          "在 2026-12-01 10:12:05，\"客服中心\" <support@kefu.example> 写道：\n"
          "您好，您的包裹已重新发出，单号 SF1234567890。\n")
write("07-foxmail-reply.eml",
      "Date: Tue, 1 Dec 2026 11:02:44 +0800\n"
      "From: \"" + ew("刘洋", "gb2312") + "\" <liuyang@foxmail.com>\n"
      "To: \"" + ew("客服中心", "gb2312") + "\" <support@kefu.example>\n"
      "Reply-To: \"" + ew("刘洋", "gb2312") + "\" <liuyang@foxmail.com>\n"
      "Subject: " + ew("回复: [#2026-000124] 包裹重新发出", "gb2312") + "\n"
      "References: <reply-2026-000124.1@kefu.example>\n"
      "In-Reply-To: <reply-2026-000124.1@kefu.example>\n"
      "X-Mailer: Foxmail 7.2.25.228[cn]\n"
      "Mime-Version: 1.0\n"
      "Message-ID: <202612011102437981234@foxmail.com>\n"
      "Content-Type: multipart/alternative;\n\tboundary=\"----=_001_NextPart362153416741_=----\"\n\n"
      "This is a multi-part message in MIME format.\n\n"
      "------=_001_NextPart362153416741_=----\n"
      "Content-Type: text/plain;\n\tcharset=\"GB2312\"\nContent-Transfer-Encoding: base64\n\n",
      b64(body07.encode(GBK)),
      "\n\n------=_001_NextPart362153416741_=----\n"
      "Content-Type: text/html;\n\tcharset=\"GB2312\"\nContent-Transfer-Encoding: quoted-printable\n\n",
      qp("<html><body><div>收到，我再等两天看看。</div><blockquote style=\"margin-Top: 0px\"><div>您好，您的包裹已重新发出。</div></blockquote></body></html>".encode(GBK)),
      "\n\n------=_001_NextPart362153416741_=------\n\n")

# 08 Exchange out-of-office (English)
write("08-out-of-office-exchange.eml",
      "Return-Path: <>\n"
      "From: Michael Brown <m.brown@corp.example.com>\n"
      "To: support@kefu.example\n"
      "Subject: Automatic reply: [#2026-000130] Your replacement order\n"
      "Date: Wed, 2 Dec 2026 08:00:01 +0000\n"
      "Message-ID: <oof-7781@corp.example.com>\n"
      "In-Reply-To: <reply-2026-000130.1@kefu.example>\n"
      "Auto-Submitted: auto-replied\n"
      "X-Auto-Response-Suppress: All\n"
      "X-MS-Exchange-Inbox-Rules-Loop: m.brown@corp.example.com\n"
      "MIME-Version: 1.0\nContent-Type: text/plain; charset=\"us-ascii\"\n\n"
      "I am out of the office until 7 December with limited access to email.\n")

# 09 subject says auto reply, no header signal: stays personal (headers decide)
write("09-autoreply-subject-only.eml",
      "From: " + ew("周杰", "utf-8") + " <zhoujie@example.cn>\n"
      "To: support@kefu.example\n"
      "Subject: " + ew("自动回复怎么关闭？", "utf-8") + "\n"
      "Date: Wed, 2 Dec 2026 09:00:00 +0800\n"
      "Message-ID: <question-autoreply@example.cn>\n"
      "MIME-Version: 1.0\nContent-Type: text/plain; charset=utf-8\nContent-Transfer-Encoding: base64\n\n",
      b64("你们的系统每次都给我发自动回复，能关掉吗？\n".encode("utf-8")))

# 10 Chinese auto-reply: subject plus empty Return-Path
write("10-autoreply-zh-null-return-path.eml",
      "Return-Path: <>\n"
      "From: " + ew("孙丽", "gb2312") + " <sunli@126.com>\n"
      "To: support@kefu.example\n"
      "Subject: " + ew("自动回复: [#2026-000131] 关于您的投诉", "gb2312") + "\n"
      "Date: Wed, 2 Dec 2026 09:30:00 +0800\n"
      "Message-ID: <autoreply-126-001@126.com>\n"
      "MIME-Version: 1.0\nContent-Type: text/plain; charset=gb2312\nContent-Transfer-Encoding: base64\n\n",
      b64("您好，我正在休假，12月7日回来后回复您。\n".encode(GBK)))

# 11 Postfix DSN with message/rfc822
write("11-dsn-postfix-rfc822.eml",
      "Return-Path: <>\n"
      "From: MAILER-DAEMON@mail.kefu.example (Mail Delivery System)\n"
      "Subject: Undelivered Mail Returned to Sender\n"
      "To: support@kefu.example\n"
      "Auto-Submitted: auto-replied\n"
      "Date: Wed, 2 Dec 2026 10:00:00 +0800 (CST)\n"
      "Message-Id: <20261202020000.ABC1234@mail.kefu.example>\n"
      "MIME-Version: 1.0\n"
      "Content-Type: multipart/report; report-type=delivery-status;\n\tboundary=\"4F2A.1733104800/mail.kefu.example\"\n\n"
      "This is a MIME-encapsulated message.\n\n"
      "--4F2A.1733104800/mail.kefu.example\n"
      "Content-Description: Notification\nContent-Type: text/plain; charset=us-ascii\n\n"
      "This is the mail system at host mail.kefu.example.\n\n"
      "I'm sorry to have to inform you that your message could not\nbe delivered to one or more recipients.\n\n"
      "<nobody@nowhere.example>: host nowhere.example said: 550 5.1.1 User unknown\n\n"
      "--4F2A.1733104800/mail.kefu.example\n"
      "Content-Description: Delivery report\nContent-Type: message/delivery-status\n\n"
      "Reporting-MTA: dns; mail.kefu.example\nArrival-Date: Wed,  2 Dec 2026 09:59:58 +0800 (CST)\n\n"
      "Final-Recipient: rfc822; nobody@nowhere.example\nAction: failed\nStatus: 5.1.1\n"
      "Diagnostic-Code: smtp; 550 5.1.1 User unknown\n\n"
      "--4F2A.1733104800/mail.kefu.example\n"
      "Content-Description: Undelivered Message\nContent-Type: message/rfc822\n\n"
      "From: support@kefu.example\nTo: nobody@nowhere.example\nSubject: [#2026-000125] Re: refund\n"
      "Message-ID: <reply-2026-000125.2@kefu.example>\nDate: Wed, 2 Dec 2026 09:59:57 +0800\n"
      "Content-Type: text/plain; charset=utf-8\n\nYour refund was approved.\n\n"
      "--4F2A.1733104800/mail.kefu.example--\n")

# 12 DSN with text/rfc822-headers, Chinese notification text, sender not a daemon address
write("12-dsn-rfc822-headers.eml",
      "Return-Path: <>\n"
      "From: =?utf-8?B?" + base64.b64encode("系统退信".encode()).decode() + "?= <bounce-notice@mx.example.cn>\n"
      "To: support@kefu.example\n"
      "Subject: =?utf-8?B?" + base64.b64encode("系统退信：投递失败".encode()).decode() + "?=\n"
      "Date: Wed, 2 Dec 2026 11:00:00 +0800\n"
      "Message-ID: <dsn-77@mx.example.cn>\n"
      "MIME-Version: 1.0\n"
      "Content-Type: multipart/report; report-type=\"delivery-status\"; boundary=\"=_dsn_77\"\n\n"
      "--=_dsn_77\nContent-Type: text/plain; charset=utf-8\nContent-Transfer-Encoding: base64\n\n",
      b64("您发送的邮件未能投递给 wrong@example.cn：邮箱不存在。\n".encode()),
      "\n--=_dsn_77\nContent-Type: message/delivery-status\n\n"
      "Reporting-MTA: dns; mx.example.cn\n\nFinal-Recipient: rfc822; wrong@example.cn\nAction: failed\nStatus: 5.1.1\n\n"
      "--=_dsn_77\nContent-Type: text/rfc822-headers\n\n"
      "From: support@kefu.example\nTo: wrong@example.cn\nSubject: [#2026-000126] Re: exchange\n"
      "Message-ID: <reply-2026-000126.1@kefu.example>\n\n"
      "--=_dsn_77--\n")

# 13 qmail-style mailer-daemon without DSN parts
write("13-mailer-daemon-plain.eml",
      "Return-Path: <>\n"
      "From: MAILER-DAEMON@qq.com\n"
      "To: support@kefu.example\n"
      "Subject: failure notice\n"
      "Date: Wed, 2 Dec 2026 12:00:00 +0800\n"
      "Message-ID: <qmail-fail-1@qq.com>\n\n"
      "Hi. This is the qmail-send program at qq.com.\n"
      "I'm afraid I wasn't able to deliver your message to the following addresses.\n\n"
      "<no_such_user@qq.com>:\nMailbox not found.\n\n"
      "--- Below this line is a copy of the message.\n\n"
      "Return-Path: <support@kefu.example>\nFrom: support@kefu.example\nTo: no_such_user@qq.com\n"
      "Message-ID: <reply-2026-000127.1@kefu.example>\nSubject: [#2026-000127] Re: invoice\n\nHello\n")

# 14 list mail
write("14-list-mail.eml",
      "Return-Path: <announce-bounces@lists.example.org>\n"
      "From: Example Announcements <announce@lists.example.org>\n"
      "To: announce@lists.example.org\n"
      "Subject: [announce] Release 5.2 is out\n"
      "Date: Wed, 2 Dec 2026 06:00:00 +0000\n"
      "Message-ID: <release-5.2@lists.example.org>\n"
      "Precedence: list\n"
      "List-Id: Example announcements <announce.lists.example.org>\n"
      "List-Unsubscribe: <mailto:announce-leave@lists.example.org>\n"
      "MIME-Version: 1.0\nContent-Type: text/plain; charset=utf-8\n\n"
      "Release 5.2 brings faster search.\n")

# 15 newsletter: one-click unsubscribe, no Precedence
write("15-newsletter-one-click.eml",
      "From: =?utf-8?B?" + base64.b64encode("某某商城".encode()).decode() + "?= <news@mall.example.cn>\n"
      "To: customer@example.cn\n"
      "Subject: =?utf-8?B?" + base64.b64encode("双十二大促提前看".encode()).decode() + "?=\n"
      "Date: Wed, 2 Dec 2026 07:00:00 +0800\n"
      "Message-ID: <nl-20261202@mall.example.cn>\n"
      "List-Unsubscribe: <https://mall.example.cn/u/abc>, <mailto:unsub@mall.example.cn>\n"
      "List-Unsubscribe-Post: List-Unsubscribe=One-Click\n"
      "MIME-Version: 1.0\nContent-Type: text/html; charset=utf-8\nContent-Transfer-Encoding: base64\n\n",
      b64("<p>双十二大促提前看！<a href=\"https://mall.example.cn/sale\">立即查看</a></p>".encode()))

# 16 inline image + attachments with RFC 2047 and RFC 2231 Chinese names
png = base64.b64decode("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==")
pdf = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
jpg = bytes([0xFF, 0xD8, 0xFF, 0xE0]) + b"JFIF-fake-photo" * 10 + bytes([0xFF, 0xD9])
xlsx_name = "退货清单（12月）.xlsx"
cont = "".join("%%%02X" % b for b in xlsx_name.encode("utf-8"))
write("16-inline-image-attachments.eml",
      "From: " + ew("吴芳", "utf-8") + " <wufang@example.cn>\n"
      "To: support@kefu.example\n"
      "Subject: " + ew("商品破损照片和发票", "utf-8") + "\n"
      "Date: Wed, 2 Dec 2026 13:00:00 +0800\n"
      "Message-ID: <attach-16@example.cn>\n"
      "MIME-Version: 1.0\n"
      "Content-Type: multipart/mixed; boundary=\"mixed-16\"\n\n"
      "--mixed-16\nContent-Type: multipart/related; boundary=\"related-16\"; type=\"multipart/alternative\"\n\n"
      "--related-16\nContent-Type: multipart/alternative; boundary=\"alt-16\"\n\n"
      "--alt-16\nContent-Type: text/plain; charset=utf-8\nContent-Transfer-Encoding: base64\n\n",
      b64("收到的杯子碎了，见图。发票和照片在附件里。\n".encode()),
      "\n--alt-16\nContent-Type: text/html; charset=utf-8\nContent-Transfer-Encoding: base64\n\n",
      b64("<p>收到的杯子碎了，见图：</p><p><img src=\"cid:logo-16@example.cn\" alt=\"破损\"></p>".encode()),
      "\n--alt-16--\n\n"
      "--related-16\nContent-Type: image/png\nContent-ID: <logo-16@example.cn>\nContent-Transfer-Encoding: base64\n\n",
      b64(png),
      "\n--related-16--\n\n"
      "--mixed-16\nContent-Type: application/pdf; name=\"" + ew("发票.pdf", "utf-8") + "\"\n"
      "Content-Disposition: attachment; filename*=UTF-8''" + "".join("%%%02X" % b for b in "发票.pdf".encode()) + "\n"
      "Content-Transfer-Encoding: base64\n\n",
      b64(pdf),
      "\n--mixed-16\nContent-Type: image/jpeg; name=\"" + ew("破损照片.jpg", "GBK") + "\"\n"
      "Content-Disposition: attachment; filename=\"" + ew("破损照片.jpg", "GBK") + "\"\n"
      "Content-Transfer-Encoding: base64\n\n",
      b64(jpg),
      "\n--mixed-16\nContent-Type: application/vnd.openxmlformats-officedocument.spreadsheetml.sheet\n"
      "Content-Disposition: attachment;\n filename*0*=utf-8''" + cont[:30] + ";\n filename*1*=" + cont[30:] + "\n"
      "Content-Transfer-Encoding: base64\n\n",
      b64(b"PK\x03\x04fake-xlsx"),
      "\n--mixed-16--\n")

# 17 forwarded message/rfc822 with its own attachment
write("17-forwarded-rfc822.eml",
      "From: Agent Lee <lee@partner.example>\n"
      "To: support@kefu.example\n"
      "Subject: Fwd: " + ew("物流投诉", "utf-8") + "\n"
      "Date: Wed, 2 Dec 2026 14:00:00 +0800\n"
      "Message-ID: <fwd-17@partner.example>\n"
      "MIME-Version: 1.0\n"
      "Content-Type: multipart/mixed; boundary=\"outer-17\"\n\n"
      "--outer-17\nContent-Type: text/plain; charset=utf-8\nContent-Transfer-Encoding: 8bit\n\n",
      crlf("Please handle the complaint below.\n".encode()),
      "\n--outer-17\nContent-Type: message/rfc822\nContent-Disposition: inline\n\n"
      "From: " + ew("马超", "utf-8") + " <machao@example.cn>\n"
      "To: lee@partner.example\n"
      "Subject: " + ew("物流投诉", "utf-8") + "\n"
      "Date: Tue, 1 Dec 2026 18:00:00 +0800\n"
      "Message-ID: <orig-17@example.cn>\n"
      "MIME-Version: 1.0\nContent-Type: multipart/mixed; boundary=\"inner-17\"\n\n"
      "--inner-17\nContent-Type: text/plain; charset=utf-8\nContent-Transfer-Encoding: base64\n\n",
      b64("快递三天没有更新，客服电话打不通。\n".encode()),
      "\n--inner-17\nContent-Type: text/plain; charset=utf-8; name=\"waybill.txt\"\n"
      "Content-Disposition: attachment; filename=\"waybill.txt\"\n\n"
      "YT9988776655\n"
      "--inner-17--\n\n"
      "--outer-17--\n")

# 18 broken base64: junk characters and a cut-off end
good18 = base64.b64encode("请帮我查一下退款进度，已经两周了。谢谢！\n".encode()).decode()
broken18 = good18[:20] + "!!@@##" + good18[20:40] + "\n\u00a7\u00a7\n" + good18[40:] + "Q"
write("18-broken-base64.eml",
      "From: someone@example.cn\nTo: support@kefu.example\nSubject: refund progress\n"
      "Date: Wed, 2 Dec 2026 15:00:00 +0800\nMessage-ID: <broken-18@example.cn>\n"
      "MIME-Version: 1.0\nContent-Type: text/plain; charset=utf-8\nContent-Transfer-Encoding: base64\n\n",
      broken18.encode("latin-1"), b"\r\n")

# 19 missing charset, UTF-8 body and raw UTF-8 subject
write("19-missing-charset-utf8.eml",
      b"From: =?utf-8?B?" + base64.b64encode("何静".encode()) + b"?= <hejing@example.cn>\r\n"
      b"To: support@kefu.example\r\nSubject: " + "订单取消申请".encode() + b"\r\n"
      b"Date: Wed, 2 Dec 2026 16:00:00 +0800\r\nMessage-ID: <nocharset-19@example.cn>\r\n"
      b"MIME-Version: 1.0\r\nContent-Type: text/plain\r\nContent-Transfer-Encoding: 8bit\r\n\r\n" +
      crlf("我想取消订单 20261201-0001，还没有发货。\n".encode()))

# 20 missing charset, GBK body and raw GBK From name and subject
write("20-missing-charset-gbk.eml",
      b"From: " + "郭强".encode(GBK) + b" <guoqiang@example.cn>\r\n"
      b"To: support@kefu.example\r\nSubject: " + "发票抬头写错了".encode(GBK) + b"\r\n"
      b"Date: Wed, 2 Dec 2026 16:30:00 +0800\r\nMessage-ID: <nocharset-20@example.cn>\r\n"
      b"MIME-Version: 1.0\r\nContent-Transfer-Encoding: 8bit\r\n\r\n" +
      crlf("发票抬头应该是“上海某某科技有限公司”，请重新开具。\n".encode(GBK)))

# 21 no Message-ID
write("21-missing-message-id.eml",
      "From: nomsgid@example.com\nTo: support@kefu.example\nSubject: no id\n"
      "Date: Wed, 2 Dec 2026 17:00:00 +0000\nContent-Type: text/plain; charset=us-ascii\n\n"
      "This mail has no Message-ID header.\n")

# 22 duplicate headers
write("22-duplicate-headers.eml",
      "From: First Sender <first@example.com>\nFrom: Second Sender <second@example.com>\n"
      "To: support@kefu.example\nTo: other@kefu.example\n"
      "Subject: first subject\nSubject: second subject\n"
      "Message-ID: <dup-first@example.com>\nMessage-ID: <dup-second@example.com>\n"
      "Date: Wed, 2 Dec 2026 17:10:00 +0000\nContent-Type: text/plain; charset=utf-8\n\n"
      "Duplicated headers.\n")

# 23 very long subject, folded UTF-8 encoded words split inside multi-byte characters
long_subject = "关于订单配送延误以及客服响应缓慢的投诉" * 40
data23 = long_subject.encode()
chunks, i = [], 0
while i < len(data23):
    chunks.append("=?UTF-8?B?" + base64.b64encode(data23[i:i + 40]).decode() + "?=")  # 40 bytes: splits characters
    i += 40
write("23-very-long-subject.eml",
      "From: long@example.cn\nTo: support@kefu.example\nSubject: " + "\n ".join(chunks) + "\n"
      "Date: Wed, 2 Dec 2026 17:20:00 +0800\nMessage-ID: <long-23@example.cn>\n"
      "Content-Type: text/plain; charset=utf-8\nContent-Transfer-Encoding: base64\n\n",
      b64("标题很长。\n".encode()))

# 24 empty body
write("24-empty-body.eml",
      "From: empty@example.com\nTo: support@kefu.example\nSubject: (no text)\n"
      "Date: Wed, 2 Dec 2026 17:30:00 +0000\nMessage-ID: <empty-24@example.com>\n"
      "Content-Type: text/plain; charset=utf-8\n\n")

# 25 attachment only, single part
write("25-attachment-only.eml",
      "From: scanner@example.com\nTo: support@kefu.example\nSubject: Scan\n"
      "Date: Wed, 2 Dec 2026 17:40:00 +0000\nMessage-ID: <scan-25@example.com>\n"
      "MIME-Version: 1.0\nContent-Type: application/pdf; name=\"scan0001.pdf\"\n"
      "Content-Disposition: attachment; filename=\"scan0001.pdf\"\nContent-Transfer-Encoding: base64\n\n",
      b64(pdf))

# 26 ISO-8859-15 with euro sign
write("26-iso-8859-15.eml",
      "From: =?iso-8859-15?Q?J=FCrgen_M=FCller?= <juergen@example.de>\nTo: support@kefu.example\n"
      "Subject: =?iso-8859-15?Q?R=FCckerstattung_=A4_49?=\n"
      "Date: Wed, 2 Dec 2026 09:00:00 +0100\nMessage-ID: <de-26@example.de>\n"
      "MIME-Version: 1.0\nContent-Type: text/plain; charset=ISO-8859-15\nContent-Transfer-Encoding: quoted-printable\n\n",
      qp("Sehr geehrte Damen und Herren,\nbitte erstatten Sie mir 49 € für die beschädigte Ware.\nGrüße\n".encode("iso-8859-15")))

# 27 windows-1252 smart quotes; 28 windows-1251
write("27-windows-1252.eml",
      "From: \"O'Brien, Sean\" <sean@example.ie>\nTo: support@kefu.example\nSubject: =?windows-1252?Q?=93Damaged=94_parcel?=\n"
      "Date: Wed, 2 Dec 2026 09:10:00 +0000\nMessage-ID: <ie-27@example.ie>\n"
      "MIME-Version: 1.0\nContent-Type: text/plain; charset=windows-1252\nContent-Transfer-Encoding: quoted-printable\n\n",
      qp("The box was \u201ccrushed\u201d \u2013 I\u2019d like a replacement\u2026\n".encode("cp1252")))
write("28-windows-1251.eml",
      "From: =?windows-1251?B?" + base64.b64encode("Иван Петров".encode("cp1251")).decode() + "?= <ivan@example.ru>\n"
      "To: support@kefu.example\nSubject: =?windows-1251?B?" + base64.b64encode("Возврат товара".encode("cp1251")).decode() + "?=\n"
      "Date: Wed, 2 Dec 2026 09:20:00 +0300\nMessage-ID: <ru-28@example.ru>\n"
      "MIME-Version: 1.0\nContent-Type: text/plain; charset=windows-1251\nContent-Transfer-Encoding: 8bit\n\n",
      crlf("Здравствуйте, прошу вернуть деньги за заказ.\n".encode("cp1251")))

# 29 junk In-Reply-To / References
write("29-junk-references.eml",
      "From: Old Client <old@example.com>\nTo: support@kefu.example\nSubject: RE: [#2026-000128] question\n"
      "Date: Wed, 2 Dec 2026 09:30:00 +0000\nMessage-ID: <junk-29@example.com>\n"
      "In-Reply-To: Your message of \"Mon, 30 Nov 2026 10:00:00 +0000\"\n <reply-2026-000128.1@kefu.example>\n"
      "References: ref-a@example.com, <ref-b@example.com>,<reply-2026-000128.1@kefu.example> (comment)\n"
      "Content-Type: text/plain; charset=utf-8\n\nSee below.\n")

# 30 alternative with dangerous HTML
write("30-html-sanitised.eml",
      "From: tester@example.com\nTo: support@kefu.example\nSubject: html check\n"
      "Date: Wed, 2 Dec 2026 09:40:00 +0000\nMessage-ID: <html-30@example.com>\n"
      "MIME-Version: 1.0\nContent-Type: multipart/alternative; boundary=alt30\n\n"
      "--alt30\nContent-Type: text/plain; charset=utf-8\n\nPlain version: see https://example.com/track\n"
      "--alt30\nContent-Type: text/html; charset=utf-8\n\n"
      "<html><body onload=\"evil()\"><p>Rich <b>version</b></p><script>steal()</script>"
      "<iframe src=\"https://evil.example\"></iframe><img src=\"https://example.com/p.png\" onerror=\"evil()\">"
      "<a href=\"https://example.com/track\" onmouseover=\"evil()\">track</a><form action=\"https://evil.example\"><input name=x></form>"
      "</body></html>\n--alt30--\n")

# 31 Thunderbird format=flowed reply with "On ... wrote:"
write("31-thunderbird-flowed.eml",
      "From: Anna Schmidt <anna@example.org>\nTo: support@kefu.example\nSubject: Re: [#2026-000129] warranty\n"
      "Date: Wed, 2 Dec 2026 09:50:00 +0100\nMessage-ID: <tb-31@example.org>\n"
      "In-Reply-To: <reply-2026-000129.1@kefu.example>\n"
      "References: <ticket-2026-000129@kefu.example> <reply-2026-000129.1@kefu.example>\n"
      "User-Agent: Mozilla Thunderbird\n"
      "MIME-Version: 1.0\nContent-Type: text/plain; charset=UTF-8; format=flowed\nContent-Transfer-Encoding: 7bit\n\n"
      "Thank you, the warranty card is attached to this reply as you \n"
      "asked.\n\n"
      "On 01.12.2026 18:00, Kefu Support wrote:\n"
      "> Please send us a photo of the warranty \n> card.\n")

# 32 Outlook Chinese reply with -----原始邮件----- / 发件人 block
write("32-outlook-zh-reply.eml",
      "From: " + ew("黄磊", "gb2312") + " <huanglei@corp.example.cn>\nTo: support@kefu.example\n"
      "Subject: " + ew("答复: [#2026-000132] 发票问题", "gb2312") + "\n"
      "Date: Wed, 2 Dec 2026 10:10:00 +0800\nMessage-ID: <ol-32@corp.example.cn>\n"
      "In-Reply-To: <reply-2026-000132.1@kefu.example>\n"
      "MIME-Version: 1.0\nContent-Type: text/plain; charset=gb2312\nContent-Transfer-Encoding: base64\n\n",
      b64(("好的，已收到新发票。\n\n黄磊\n\n-----原始邮件-----\n发件人: 客服中心 <support@kefu.example>\n"
           "发送时间: 2026年12月1日 17:00\n收件人: 黄磊 <huanglei@corp.example.cn>\n主题: [#2026-000132] 发票问题\n\n"
           "您好，新发票已寄出。\n").encode(GBK)))

# 33 multipart without boundary parameter (the boundary has to be found in the body)
write("33-multipart-no-boundary-param.eml",
      "From: sloppy@example.com\nTo: support@kefu.example\nSubject: no boundary\n"
      "Date: Wed, 2 Dec 2026 10:20:00 +0000\nMessage-ID: <nob-33@example.com>\n"
      "MIME-Version: 1.0\nContent-Type: multipart/mixed\n\n"
      "--lost-boundary\nContent-Type: text/plain; charset=utf-8\n\nThe generator forgot the boundary parameter.\n"
      "--lost-boundary--\n")

# 34 unknown charset name, GBK bytes
write("34-unknown-charset.eml",
      b"From: odd@example.cn\r\nTo: support@kefu.example\r\nSubject: odd charset\r\n"
      b"Date: Wed, 2 Dec 2026 10:30:00 +0800\r\nMessage-ID: <odd-34@example.cn>\r\n"
      b"MIME-Version: 1.0\r\nContent-Type: text/plain; charset=\"x-user-defined-9\"\r\nContent-Transfer-Encoding: 8bit\r\n\r\n" +
      crlf("退货地址在哪里？\n".encode(GBK)))

# 35 read receipt (MDN)
write("35-read-receipt-mdn.eml",
      "From: reader@example.com\nTo: support@kefu.example\nSubject: Read: [#2026-000133] your order\n"
      "Date: Wed, 2 Dec 2026 10:40:00 +0000\nMessage-ID: <mdn-35@example.com>\n"
      "MIME-Version: 1.0\nContent-Type: multipart/report; report-type=disposition-notification; boundary=\"mdn35\"\n\n"
      "--mdn35\nContent-Type: text/plain; charset=utf-8\n\nYour message was read on 2 Dec 2026.\n"
      "--mdn35\nContent-Type: message/disposition-notification\n\n"
      "Final-Recipient: rfc822; reader@example.com\nOriginal-Message-ID: <reply-2026-000133.1@kefu.example>\n"
      "Disposition: manual-action/MDN-sent-manually; displayed\n"
      "--mdn35--\n")

# 36 Sina/163 style auto-reply header X-Autoreply
write("36-x-autoreply.eml",
      "From: " + ew("钱伟", "utf-8") + " <qianwei@sina.com>\nTo: support@kefu.example\n"
      "Subject: " + ew("Re: 您的工单已受理", "utf-8") + "\n"
      "Date: Wed, 2 Dec 2026 10:50:00 +0800\nMessage-ID: <auto-36@sina.com>\nX-Autoreply: yes\n"
      "MIME-Version: 1.0\nContent-Type: text/plain; charset=utf-8\nContent-Transfer-Encoding: base64\n\n",
      b64("这是一封自动回复邮件，我会尽快回复您。\n".encode()))

# 37 bulk by Precedence: bulk (marketing tool)
write("37-precedence-bulk.eml",
      "From: Promotions <promo@shop.example.com>\nTo: support@kefu.example\nSubject: 50% off today\n"
      "Date: Wed, 2 Dec 2026 11:00:00 +0000\nMessage-ID: <bulk-37@shop.example.com>\nPrecedence: bulk\n"
      "Content-Type: text/plain; charset=utf-8\n\nBig sale.\n")

# 38 iPhone English reply: "Sent from my iPhone" + "On ... wrote:"
write("38-iphone-english-reply.eml",
      "From: Emily Clark <emily@example.com>\nTo: Kefu Support <support@kefu.example>\n"
      "Subject: Re: [#2026-000134] Order status\nDate: Wed, 2 Dec 2026 11:10:00 -0500\n"
      "Message-Id: <E8C0A8F2-1111-2222-3333-444455556666@example.com>\n"
      "In-Reply-To: <reply-2026-000134.1@kefu.example>\nReferences: <reply-2026-000134.1@kefu.example>\n"
      "Content-Type: text/plain; charset=us-ascii\nContent-Transfer-Encoding: 7bit\nMime-Version: 1.0 (1.0)\n\n"
      "Great, thanks!\n\nSent from my iPhone\n\n"
      "> On Dec 1, 2026, at 9:00 PM, Kefu Support <support@kefu.example> wrote:\n>\n"
      "> Your order has shipped.\n")

print("written", len(os.listdir(OUT)), "files to", OUT)
