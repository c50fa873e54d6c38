import base64, quopri
def w(name, data):
    if isinstance(data, str):
        data = data.replace('\r\n', '\n').replace('\n', '\r\n').encode('utf-8')
    open(name, 'wb').write(data)
def qp(text, cs):
    return quopri.encodestring(text.encode(cs)).decode('ascii')
def b64(text, cs='utf-8'):
    return base64.encodebytes(text.encode(cs)).decode('ascii')

de_body = """Sehr geehrte Damen und Herren,

wir planen die Anschaffung von drei CNC-Fräsmaschinen für unser Werk in Stuttgart und bitten um ein Angebot inkl. Wartung. Budget ca. 450.000 €.

Mit freundlichen Grüßen

Hans Müller
Geschäftsführer
Müller Maschinenbau GmbH
Industriestraße 12
70565 Stuttgart
Tel.: +49 (0)711 123456-0 | Fax: +49 (0)711 123456-99
Mobil: +49 171 2345678
www.mueller-maschinenbau.de

Müller Maschinenbau GmbH, Sitz: Stuttgart, Amtsgericht Stuttgart HRB 123456
"""
de_html = "<html><body><p>Sehr geehrte Damen und Herren,</p><p>wir planen die Anschaffung von drei CNC-Fr&auml;smaschinen.</p><p>Mit freundlichen Gr&uuml;&szlig;en</p><p>Hans M&uuml;ller<br>Gesch&auml;ftsf&uuml;hrer</p></body></html>"
w('outlook-de-signature.eml', f"""Received: from mail.mueller-maschinenbau.de (mail.mueller-maschinenbau.de [192.0.2.10])
From: =?iso-8859-1?Q?M=FCller=2C_Hans?= <H.Mueller@mueller-maschinenbau.de>
To: "Vertrieb" <vertrieb@leadline.example>
Subject: =?iso-8859-1?Q?Anfrage:_Angebot_f=FCr_drei_Fr=E4smaschinen?=
Thread-Topic: Anfrage: Angebot
Date: Tue, 3 Mar 2026 09:15:02 +0100
Message-ID: <AM0PR01MB1234.outlook-de-1@AM0PR01MB1234.eurprd01.prod.outlook.com>
Accept-Language: de-DE
Content-Language: de-DE
X-MS-Has-Attach:
MIME-Version: 1.0
Content-Type: multipart/alternative;
\tboundary="_000_AM0PR01MB1234_"

--_000_AM0PR01MB1234_
Content-Type: text/plain; charset="iso-8859-1"
Content-Transfer-Encoding: quoted-printable

{qp(de_body, 'windows-1252')}
--_000_AM0PR01MB1234_
Content-Type: text/html; charset="iso-8859-1"
Content-Transfer-Encoding: quoted-printable

{qp(de_html, 'iso-8859-1')}
--_000_AM0PR01MB1234_--
""")

en_html = """<div dir="ltr"><div>Hello,</div><div><br></div><div>We are looking for a lead management tool for our 40-person sales team. Could you send us pricing for the Enterprise plan?</div><div><br></div><div>Kind regards,</div><div>Sarah Johnson</div><div>Head of Procurement</div><div>Brightwave Ltd</div><div>221B Baker Street</div><div>London NW1 6XE</div><div>United Kingdom</div><div>Phone: +44 20 7946 0958</div><div>Mobile: +44 7700 900123</div><div><a href="https://www.brightwave.co.uk">https://www.brightwave.co.uk</a></div></div>
"""
w('gmail-en-html-only.eml', f"""MIME-Version: 1.0
Date: Wed, 4 Mar 2026 14:02:11 +0000
Message-ID: <CAF=gmail-en-1+abc@mail.gmail.com>
Subject: Pricing for the Enterprise plan
From: Sarah Johnson <sarah.johnson@brightwave.co.uk>
To: sales@leadline.example
Content-Type: text/html; charset="UTF-8"
Content-Transfer-Encoding: base64

{b64(en_html)}""")

fwd = """Hallo Team,

bitte kümmert euch um diese Anfrage.

Gruß
Jana

-------- Weitergeleitete Nachricht --------
Betreff: \tAnfrage Wartungsvertrag
Datum: \tMon, 2 Mar 2026 16:40:12 +0100
Von: \tPetra Schulz <p.schulz@schulz-logistik.de>
An: \tinfo@leadline.example

Guten Tag,

wir suchen einen Partner für die Wartung unserer „Fördertechnik“ – Volumen ca. 30.000 € p.a.

Viele Grüße
Petra Schulz
Leiterin Einkauf
Schulz Logistik GmbH & Co. KG
Hafenstraße 7, 20457 Hamburg
Tel. 040 / 123 456 78
"""
w('thunderbird-forward-de.eml', ("""From: Jana Kraft <jana.kraft@leadline.example>
To: sales@leadline.example
Subject: Fwd: Anfrage Wartungsvertrag
Date: Mon, 2 Mar 2026 17:01:00 +0100
Message-ID: <4b2f-thunderbird-fwd-1@leadline.example>
User-Agent: Mozilla Thunderbird
MIME-Version: 1.0
Content-Type: text/plain; charset=windows-1252; format=flowed
Content-Transfer-Encoding: 8bit

""".replace('\n', '\r\n')).encode('ascii') + fwd.replace('\n', '\r\n').encode('windows-1252'))

inner = """From: Tom Baker <tom@bakerco.com>
To: info@leadline.example
Subject: Question about pricing
Date: Thu, 5 Mar 2026 08:00:00 -0800
Message-ID: <inner-apple-1@bakerco.com>
Content-Type: text/plain; charset=us-ascii
Content-Transfer-Encoding: 7bit

Hi,

do you offer volume discounts for 200 seats?

Best,
Tom Baker
VP Operations
Baker & Co. Inc.
1200 Market Street
San Francisco, CA 94103
T: (415) 555-0132
"""
w('apple-mail-forward-attached.eml', f"""From: Jana Kraft <jana.kraft@leadline.example>
Subject: Fwd: Question about pricing
Date: Thu, 5 Mar 2026 18:00:00 +0100
Message-Id: <apple-fwd-1@leadline.example>
Mime-Version: 1.0 (Mac OS X Mail 16.0)
Content-Type: multipart/mixed; boundary="Apple-Mail=_1"

--Apple-Mail=_1
Content-Transfer-Encoding: 7bit
Content-Type: text/plain; charset=us-ascii

See below.

--Apple-Mail=_1
Content-Disposition: attachment; filename="Question about pricing.eml"
Content-Type: message/rfc822

{inner}
--Apple-Mail=_1--
""")

w('gmail-reply-chain-en.eml', """MIME-Version: 1.0
Date: Fri, 6 Mar 2026 10:20:00 +0000
References: <CAF=gmail-en-1+abc@mail.gmail.com> <offer-42@leadline.example>
In-Reply-To: <offer-42@leadline.example>
Message-ID: <CAF=gmail-en-2+def@mail.gmail.com>
Subject: Re: Pricing for the Enterprise plan
From: Mark Lee <mark.lee@brightwave.co.uk>
To: sales@leadline.example
Content-Type: multipart/alternative; boundary="000000000000abcd"

--000000000000abcd
Content-Type: text/plain; charset="UTF-8"

Thanks, the offer looks good. I am Sarah's colleague in IT.

Cheers,
Mark Lee
IT Manager
Brightwave Ltd

On Thu, 5 Mar 2026 at 17:00, Leadline Sales <sales@leadline.example>
wrote:

> Dear Sarah,
> please find our offer attached.
> Tel. +49 30 999999

--000000000000abcd
Content-Type: text/html; charset="UTF-8"

<div dir="ltr">Thanks, the offer looks good.</div>

--000000000000abcd--
""")

w('outlook-en-reply-quoted.eml', """From: "Lisa Chen" <lisa.chen@northwind.example.com>
To: <sales@leadline.example>
Subject: RE: Demo request
Date: Mon, 9 Mar 2026 11:11:11 -0500
Message-ID: <outlook-en-reply-1@northwind.example.com>
MIME-Version: 1.0
Content-Type: text/plain; charset="us-ascii"
Content-Transfer-Encoding: 7bit

Hi,

Tuesday works for us.

Best regards,
Lisa Chen
Director of Sales Operations
Northwind Traders Inc.
Direct: +1 212 555 0147

From: Leadline Sales <sales@leadline.example>
Sent: Friday, March 6, 2026 4:00 PM
To: Lisa Chen <lisa.chen@northwind.example.com>
Subject: Demo request

Hello Lisa, when would suit you? Mobile +49 170 0000000
""")

w('latin1-mislabelled-euro.eml', b"From: Gerd Bauer <gerd.bauer@bauer-holz.at>\r\nTo: info@leadline.example\r\nSubject: Preisanfrage\r\nDate: Tue, 10 Mar 2026 08:00:00 +0100\r\nMessage-ID: <latin1-1@bauer-holz.at>\r\nMIME-Version: 1.0\r\nContent-Type: text/plain; charset=ISO-8859-1\r\nContent-Transfer-Encoding: 8bit\r\n\r\nGr\xfc\xdf Gott,\r\n\r\nwir h\xe4tten Interesse an 500 m\xb3 L\xe4rchenholz, Budget 20.000 \x80.\r\n\r\nFreundliche Gr\xfc\xdfe\r\nGerd Bauer\r\nInhaber\r\nBauer Holz e.U.\r\nTel. 0662 123456\r\n")

w('freemail-gmx.eml', """From: Klaus Weber <klaus.weber@gmx.de>
To: info@leadline.example
Subject: =?UTF-8?B?QW5mcmFnZSBmw7xyIG1laW5lbiBCZXRyaWVi?=
Date: Wed, 11 Mar 2026 19:30:00 +0100
Message-ID: <trinity-gmx-1@3c-app-gmx-bs01>
MIME-Version: 1.0
Content-Type: text/plain; charset=UTF-8
Content-Transfer-Encoding: quoted-printable

Hallo,

ich habe einen kleinen Handwerksbetrieb und suche eine einfache L=C3=B6sung.

Viele Gr=C3=BC=C3=9Fe
Klaus Weber
0151 23456789
""")

w('auto-reply-header.eml', """From: Petra Schulz <p.schulz@schulz-logistik.de>
To: sales@leadline.example
Subject: =?UTF-8?Q?Abwesenheitsnotiz:_Ihr_Angebot?=
Auto-Submitted: auto-replied
Date: Thu, 12 Mar 2026 08:00:00 +0100
Message-ID: <auto-1@schulz-logistik.de>
Content-Type: text/plain; charset=UTF-8

Ich bin bis 20.03. nicht im Büro.
""")

w('out-of-office-subject.eml', """From: Sarah Johnson <sarah.johnson@brightwave.co.uk>
To: sales@leadline.example
Subject: Automatic reply: Your offer
X-Auto-Response-Suppress: All
Date: Thu, 12 Mar 2026 08:00:00 +0000
Message-ID: <ooo-1@brightwave.co.uk>
Content-Type: text/plain; charset=UTF-8

I am out of the office until Monday.
""")

w('bounce.eml', """From: MAILER-DAEMON@mx.leadline.example (Mail Delivery System)
To: sales@leadline.example
Subject: Undelivered Mail Returned to Sender
Date: Fri, 13 Mar 2026 08:00:00 +0100
Message-ID: <bounce-1@mx.leadline.example>
Auto-Submitted: auto-replied
MIME-Version: 1.0
Content-Type: multipart/report; report-type=delivery-status; boundary="B1"

--B1
Content-Type: text/plain; charset=us-ascii

This is the mail system. Your message could not be delivered.

--B1
Content-Type: message/delivery-status

Reporting-MTA: dns; mx.leadline.example
Final-Recipient: rfc822; nobody@nowhere.example
Action: failed
Status: 5.1.1

--B1--
""")

w('newsletter.eml', """From: Industry News <news@industry-weekly.example>
To: sales@leadline.example
Subject: This week in manufacturing
List-Unsubscribe: <https://industry-weekly.example/unsubscribe?u=1>, <mailto:unsubscribe@industry-weekly.example>
List-Unsubscribe-Post: List-Unsubscribe=One-Click
Precedence: bulk
Date: Fri, 13 Mar 2026 06:00:00 +0000
Message-ID: <newsletter-2026-11@industry-weekly.example>
Content-Type: text/html; charset=UTF-8

<p>Top stories</p>
""")

w('noreply.eml', """From: Shop <no-reply@shop.example>
To: sales@leadline.example
Subject: Your order 4711
Date: Fri, 13 Mar 2026 06:00:00 +0000
Message-ID: <order-4711@shop.example>
Content-Type: text/plain; charset=UTF-8

Thank you for your order.
""")

# hostile
depth = 60
parts = []
head = """From: Eve <eve@attacker.example>
To: sales@leadline.example
Subject: deep
Message-ID: <deep-1@attacker.example>
MIME-Version: 1.0
Content-Type: multipart/mixed; boundary="b0"

"""
body = ""
for i in range(depth):
    body += f"--b{i}\nContent-Type: multipart/mixed; boundary=\"b{i+1}\"\n\n"
body += f"--b{depth}\nContent-Type: text/plain\n\nhello\n--b{depth}--\n"
for i in range(depth - 1, -1, -1):
    body += f"--b{i}--\n"
w('hostile-deep-nesting.eml', head + body)

w('hostile-huge-header.eml', "From: Eve <eve@attacker.example>\nTo: sales@leadline.example\nSubject: big\nMessage-ID: <huge-1@attacker.example>\nX-Padding: " + ("A" * 200000) + "\nContent-Type: text/plain\n\nhi\n")

w('hostile-many-headers.eml', "From: Eve <eve@attacker.example>\nTo: sales@leadline.example\nSubject: many headers\nMessage-ID: <headers-1@attacker.example>\n" + "".join(f"X-H{i}: v\n" for i in range(3000)) + "Content-Type: text/plain\n\nhi\n")

mp = "From: Eve <eve@attacker.example>\nTo: sales@leadline.example\nSubject: many parts\nMessage-ID: <parts-1@attacker.example>\nMIME-Version: 1.0\nContent-Type: multipart/mixed; boundary=\"p\"\n\n"
mp += "".join("--p\nContent-Type: text/plain\n\nx\n" for _ in range(5000)) + "--p--\n"
w('hostile-many-parts.eml', mp)
