#!/usr/bin/env python3
"""
Writes the labelled e-mail corpus: one .eml per message and expected.tsv with the outcome and the
fields a seller would read off each message. Every person, company, address and number is made up
for Leadline; the domains are invented names, the phone numbers are fictional ranges where a
country has one (US 555-01xx, UK 020 7946 0xxx and 07700 900xxx).

The corpus is a mailbox read in file order by one tenant that already has the leads in
existing.tsv: a reply whose References name an earlier message of the corpus joins that lead, a
mail from a known address joins that lead, everything else that is an enquiry is a new lead.

Run from this folder: python3 make-corpus.py
"""
import base64
import os
import quopri
import email.utils

OUT = os.path.dirname(os.path.abspath(__file__))
ROWS = []
SEQ = [0]
OWN = "leadline.example"


# ---------------------------------------------------------------- encodings

def qp(text, cs):
    return quopri.encodestring(text.replace('\n', '\r\n').encode(cs)).decode('ascii')


def b64(text, cs='utf-8'):
    return base64.encodebytes(text.replace('\n', '\r\n').encode(cs)).decode('ascii')


def enc_word(text, cs='utf-8', mode='B'):
    if all(ord(c) < 128 for c in text):
        return '"%s"' % text if (',' in text or '(' in text) else text
    if mode == 'B':
        return '=?%s?B?%s?=' % (cs, base64.b64encode(text.encode(cs)).decode('ascii'))
    q = ''.join(c if (c.isalnum() and ord(c) < 128) else ('_' if c == ' ' else ''.join('=%02X' % b for b in c.encode(cs)))
                for c in text)
    return '=?%s?Q?%s?=' % (cs, q)


def html_of(text):
    out = []
    quote = False
    for line in text.split('\n'):
        if line.startswith('>'):
            if not quote:
                out.append('<blockquote style="margin:0 0 0 .8ex;border-left:1px #ccc solid;padding-left:1ex">')
                quote = True
            line = line.lstrip('> ')
        elif quote:
            out.append('</blockquote>')
            quote = False
        esc = line.replace('&', '&amp;').replace('<', '&lt;').replace('>', '&gt;')
        out.append('<div>%s</div>' % (esc if esc else '<br>'))
    if quote:
        out.append('</blockquote>')
    return '<html><head><meta charset="utf-8"><style>p{margin:0}</style></head><body>' + '\n'.join(out) + '</body></html>'


# ---------------------------------------------------------------- people and numbers

def phone(cc, area, local):
    return {'cc': cc, 'area': area, 'local': local, 'e164': '+' + cc + area + local}


def render(p, style):
    cc, a, l = p['cc'], p['area'], p['local']
    if cc == '1':
        return {'us': '(%s) %s-%s' % (a, l[:3], l[3:]), 'intl': '+1 %s-%s-%s' % (a, l[:3], l[3:]),
                'dots': '%s.%s.%s' % (a, l[:3], l[3:])}.get(style, '+1 %s %s %s' % (a, l[:3], l[3:]))
    return {'intl': '+%s %s %s' % (cc, a, l), 'zero': '+%s (0)%s %s' % (cc, a, l), 'nat': '0%s %s' % (a, l),
            'slash': '0%s/%s' % (a, l), 'natdash': '0%s-%s' % (a, l)}[style]


class P:
    def __init__(self, first, last, email, company=None, title=None, phone=None, mobile=None, website=None,
                 street=None, zip=None, city=None, country=None, display=None, state=None):
        self.first, self.last, self.email, self.state = first, last, email, state
        self.company, self.title, self.phone, self.mobile, self.website = company, title, phone, mobile, website
        self.street, self.zip, self.city, self.country = street, zip, city, country
        self.display = display if display is not None else '%s %s' % (first, last)

    def addr(self, cs='utf-8', mode='B'):
        if not self.display:
            return '<%s>' % self.email
        return '%s <%s>' % (enc_word(self.display, cs, mode), self.email)


REP_DE = P('Anna', 'Berger', 'anna.berger@' + OWN, 'Leadline GmbH', 'Vertrieb', phone('49', '30', '5550100'),
           phone('49', '170', '5550100'), 'www.leadline.example', 'Friedrichstraße 1', '10117', 'Berlin')
REP_EN = P('Megan', 'Ross', 'megan.ross@' + OWN, 'Leadline Inc.', 'Account Executive', phone('1', '617', '5550100'),
           phone('1', '617', '5550111'), 'www.leadline.example')


def our_signature_de():
    return ("Anna Berger\nVertrieb\nLeadline GmbH\nFriedrichstraße 1, 10117 Berlin\n"
            "Tel.: +49 30 5550100 | Mobil: +49 170 5550100\nwww.leadline.example")


def our_signature_en():
    return "Megan Ross\nAccount Executive | Leadline Inc.\nOffice: +1 617 555 0100\nCell: +1 617 555 0111\nwww.leadline.example"


# ---------------------------------------------------------------- writing

def msgid(tag, domain):
    SEQ[0] += 1
    return '<%s.%04d.%s@%s>' % (tag, SEQ[0], 'x7' + str(SEQ[0] * 7919 % 100000), domain)


def write(name, headers, body_part, outcome, expect, note):
    """headers: list of (name, value); body_part: (content-type header lines, body string)."""
    n = len(ROWS) + 1
    file = '%03d-%s.eml' % (n, name)
    lines = ['%s: %s' % h for h in headers]
    text = ''.join(l + '\r\n' for l in lines) + body_part.replace('\r\n', '\n').replace('\n', '\r\n')
    data = text.encode('utf-8') if isinstance(text, str) else text
    with open(os.path.join(OUT, file), 'wb') as f:
        f.write(data)
    row = [file, outcome]
    for k in ('person', 'email', 'company', 'title', 'phone', 'mobile', 'website', 'street', 'postalCode', 'city'):
        row.append(expect.get(k) or '')
    row.append(note)
    ROWS.append(row)
    return file


def expect_of(p):
    return {'person': '%s %s' % (p.first, p.last), 'email': p.email, 'company': p.company, 'title': p.title,
            'phone': p.phone['e164'] if p.phone else None, 'mobile': p.mobile['e164'] if p.mobile else None,
            'website': p.website, 'street': p.street, 'postalCode': p.zip, 'city': p.city}


def body_plain(text, cs='utf-8', cte='quoted-printable', flowed=False):
    ct = 'text/plain; charset="%s"%s' % (cs, '; format=flowed' if flowed else '')
    if cte == 'quoted-printable':
        b = qp(text, cs)
    elif cte == 'base64':
        b = b64(text, cs)
    else:
        b = text
    return 'MIME-Version: 1.0\r\nContent-Type: %s\r\nContent-Transfer-Encoding: %s\r\n\r\n%s' % (ct, cte, b)


def body_alt(text, cs='utf-8', cte='quoted-printable', boundary='000000000000alt'):
    html = html_of(text)
    enc = (lambda t: qp(t, cs)) if cte == 'quoted-printable' else (lambda t: b64(t, cs))
    return ('MIME-Version: 1.0\r\nContent-Type: multipart/alternative; boundary="%s"\r\n\r\n'
            '--%s\r\nContent-Type: text/plain; charset="%s"\r\nContent-Transfer-Encoding: %s\r\n\r\n%s\r\n'
            '--%s\r\nContent-Type: text/html; charset="%s"\r\nContent-Transfer-Encoding: %s\r\n\r\n%s\r\n--%s--\r\n'
            % (boundary, boundary, cs, cte, enc(text), boundary, cs, cte, enc(html), boundary))


def body_html(text, cs='utf-8', cte='base64'):
    html = html_of(text)
    b = b64(html, cs) if cte == 'base64' else qp(html, cs)
    return 'MIME-Version: 1.0\r\nContent-Type: text/html; charset="%s"\r\nContent-Transfer-Encoding: %s\r\n\r\n%s' % (cs, cte, b)


def date(day, hour, minute, tz='+0100'):
    wd = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'][(day - 2) % 7]  # 2 March 2026 is a Monday
    return '%s, %d Mar 2026 %02d:%02d:%02d %s' % (wd, day, hour, minute, (day * 7 + minute) % 60, tz)


def quote(text):
    return '\n'.join('> ' + l if l else '>' for l in text.split('\n'))


# ---------------------------------------------------------------- signatures

def sig_de_lines(p, style):
    """German signature styles: classic lines, one-line with separators, Notes-like."""
    out = ['%s %s' % (p.first, p.last)]
    if style == 'classic':
        if p.title: out.append(p.title)
        if p.company: out.append(p.company)
        if p.street: out.append(p.street)
        if p.zip: out.append('%s %s' % (p.zip, p.city))
        if p.phone: out.append('Tel.: ' + render(p.phone, 'zero'))
        if p.mobile: out.append('Mobil: ' + render(p.mobile, 'intl'))
        if p.website: out.append(p.website)
    elif style == 'pipes':
        if p.title: out.append('%s | %s' % (p.title, p.company) if p.company else p.title)
        elif p.company: out.append(p.company)
        if p.street: out.append('%s | %s %s' % (p.street, p.zip, p.city))
        parts = []
        if p.phone: parts.append('T ' + render(p.phone, 'intl'))
        if p.mobile: parts.append('M ' + render(p.mobile, 'intl'))
        if parts: out.append(' | '.join(parts))
        if p.website: out.append(p.website)
    elif style == 'oneline':
        if p.title: out.append(p.title)
        if p.company and p.street: out.append('%s · %s · %s %s' % (p.company, p.street, p.zip, p.city))
        elif p.company: out.append(p.company)
        if p.phone: out.append('Telefon %s' % render(p.phone, 'slash'))
        if p.mobile: out.append('Handy %s' % render(p.mobile, 'nat'))
        if p.website: out.append('Web: ' + p.website)
    elif style == 'comma':
        if p.title: out.append(p.title)
        if p.company: out.append(p.company)
        if p.street: out.append('%s, %s %s' % (p.street, p.zip, p.city))
        if p.phone: out.append('Fon: ' + render(p.phone, 'natdash'))
        out.append('Fax: ' + render(phone('49', '89', '9999999'), 'natdash'))
        if p.mobile: out.append('Mobil: ' + render(p.mobile, 'nat'))
        if p.website: out.append('Internet: ' + p.website)
    return '\n'.join(out)


def sig_en_lines(p, style):
    out = ['%s %s' % (p.first, p.last)]
    if style == 'classic':
        if p.title: out.append(p.title)
        if p.company: out.append(p.company)
        if p.street: out.append(p.street)
        if p.city and p.country == 'US': out.append('%s, %s %s' % (p.city, p.state, p.zip))
        elif p.city: out.append('%s %s' % (p.city, p.zip))
        if p.country and p.country != 'US': out.append({'GB': 'United Kingdom', 'IE': 'Ireland'}.get(p.country, p.country))
        if p.phone: out.append('Phone: ' + render(p.phone, 'us' if p.phone['cc'] == '1' else 'intl'))
        if p.mobile: out.append('Mobile: ' + render(p.mobile, 'us' if p.mobile['cc'] == '1' else 'intl'))
        if p.website: out.append(p.website)
    elif style == 'pipes':
        if p.title and p.company: out.append('%s | %s' % (p.title, p.company))
        elif p.title: out.append(p.title)
        elif p.company: out.append(p.company)
        if p.street and p.country == 'US': out.append('%s, %s, %s %s' % (p.street, p.city, p.state, p.zip))
        elif p.street: out.append('%s, %s %s' % (p.street, p.city, p.zip))
        parts = []
        if p.phone: parts.append('O: ' + render(p.phone, 'dots' if p.phone['cc'] == '1' else 'intl'))
        if p.mobile: parts.append('Cell: ' + render(p.mobile, 'dots' if p.mobile['cc'] == '1' else 'intl'))
        if parts: out.append(' | '.join(parts))
        if p.website: out.append('https://' + p.website + '/')
    return '\n'.join(out)


# ---------------------------------------------------------------- message kinds

def headers(p, to, subject, when, mid, extra=(), cs='utf-8', mode='B', refs=None):
    h = [('From', p.addr(cs, mode)), ('To', to), ('Subject', enc_word(subject, cs, mode) if any(ord(c) > 127 for c in subject) else subject),
         ('Date', when), ('Message-ID', mid)]
    if refs:
        h.append(('In-Reply-To', refs[-1]))
        h.append(('References', ' '.join(refs)))
    return h + list(extra)


def enquiry(name, p, client, subject, text, sig, when, outcome='CREATED', expect=None, note='', refs=None,
            to='info@' + OWN):
    """A message written by p in the style of a mail client."""
    dom = p.email.split('@')[1]
    mid = msgid(client, dom if client not in ('gmail', 'yahoo', 'aol', 'gmx') else
                {'gmail': 'mail.gmail.com', 'yahoo': 'mail.yahoo.com', 'aol': 'mail.aol.com', 'gmx': 'gmx.net'}[client])
    full = text.rstrip('\n') + '\n\n' + sig
    if client == 'outlook':
        body = body_alt(full, 'windows-1252', boundary='_000_' + dom.replace('.', '') + '_')
        h = headers(p, to, subject, when, mid, [('X-Mailer', 'Microsoft Outlook 16.0'), ('Content-Language', 'de-DE')],
                    'iso-8859-1', 'Q', refs)
    elif client == 'owa':
        body = body_html(full, 'utf-8', 'base64')
        h = headers(p, to, subject, when, mid, [('X-MS-Exchange-Organization-SCL', '1')], refs=refs)
    elif client == 'gmail':
        body = body_alt(full.replace('\n--\n', '\n-- \n'), 'UTF-8', 'quoted-printable', '0000000000004b5c8f05f1d2a7e3')
        h = headers(p, to, subject, when, mid, refs=refs)
    elif client == 'apple':
        body = body_plain(full, 'utf-8', 'quoted-printable')
        h = headers(p, to, subject, when, mid, [('X-Mailer', 'Apple Mail (2.3826.400.131.1.6)')], 'utf-8', 'Q', refs)
    elif client == 'iphone':
        body = body_plain(full, 'utf-8', 'quoted-printable')
        h = headers(p, to, subject, when, mid, [('X-Mailer', 'iPhone Mail (22D72)')], 'utf-8', 'Q', refs)
    elif client == 'thunderbird':
        body = body_plain(full, 'UTF-8', '8bit', flowed=True)
        h = headers(p, to, subject, when, mid, [('User-Agent', 'Mozilla Thunderbird')], refs=refs)
    elif client == 'yahoo':
        body = body_alt(full, 'UTF-8', 'quoted-printable', '----=_Part_1234567_987654.1741000000000')
        h = headers(p, to, subject, when, mid, [('X-Mailer', 'WebService/1.1.23187 YMailNorrin')], refs=refs)
    elif client == 'aol':
        body = body_html(full, 'UTF-8', 'base64')
        h = headers(p, to, subject, when, mid, [('X-Mailer', 'AOL Webmail 44172-STANDARD')], refs=refs)
    elif client == 'gmx':
        body = body_html(full, 'UTF-8', 'quoted-printable')
        h = headers(p, to, subject, when, mid, [('Importance', 'normal'), ('Sensitivity', 'Normal')], refs=refs)
    elif client == 'notes':
        body = body_alt(full, 'ISO-8859-1', 'quoted-printable', '=_alternative 0035A1B2C12589F2_=')
        h = headers(p, to, subject, when, mid, [('X-Mailer', 'HCL Notes Release 12.0.2 FP1'),
                                                ('X-MIMETrack', 'Serialize by Router on SMTP01/ACME')], 'iso-8859-1', 'Q', refs)
    else:
        raise ValueError(client)
    write(name, h, body, outcome, expect if expect is not None else expect_of(p), note)
    return mid


# Quoted-history styles: the attribution or header block each client writes above what it quotes.

def history(client, quoted_from, quoted_to, subject, when_text, quoted_text, lang='en'):
    qf = '%s <%s>' % (quoted_from.display, quoted_from.email)
    if client == 'gmail':
        att = ('Am %s schrieb %s:' % (when_text, qf)) if lang == 'de' else ('On %s %s wrote:' % (when_text, qf))
        return '\n' + att + '\n\n' + quote(quoted_text)
    if client in ('apple', 'iphone'):
        att = ('Am %s schrieb %s:' % (when_text, qf)) if lang == 'de' else ('On %s, %s wrote:' % (when_text, qf))
        return '\n' + att + '\n\n' + quote(quoted_text)
    if client == 'thunderbird':
        att = ('Am %s schrieb %s:' % (when_text, quoted_from.display)) if lang == 'de' else ('On %s, %s wrote:' % (when_text, quoted_from.display))
        return '\n' + att + '\n' + quote(quoted_text)
    if client == 'outlook':
        if lang == 'de':
            return ('\nVon: %s <%s>\nGesendet: %s\nAn: %s\nBetreff: %s\n\n%s'
                    % (quoted_from.display, quoted_from.email, when_text, quoted_to, subject, quoted_text))
        return ('\n-----Original Message-----\nFrom: %s <%s>\nSent: %s\nTo: %s\nSubject: %s\n\n%s'
                % (quoted_from.display, quoted_from.email, when_text, quoted_to, subject, quoted_text))
    if client == 'owa':
        return ('\n________________________________\nFrom: %s <%s>\nSent: %s\nTo: %s\nSubject: %s\n\n%s'
                % (quoted_from.display, quoted_from.email, when_text, quoted_to, subject, quoted_text))
    if client == 'yahoo':
        return ('\n----- Original Message -----\nFrom: %s <%s>\nTo: %s\nSent: %s\nSubject: %s\n\n%s'
                % (quoted_from.display, quoted_from.email, quoted_to, when_text, subject, quoted_text))
    if client == 'yahoo-new':
        return '\nOn %s, %s wrote:\n\n%s' % (when_text, qf, quote(quoted_text))
    if client == 'aol':
        return ('\n-----Original Message-----\nFrom: %s <%s>\nTo: %s\nSent: %s\nSubject: %s\n\n%s'
                % (quoted_from.display, quoted_from.email, quoted_to, when_text, subject, quoted_text))
    if client == 'gmx':
        return ('\nGesendet: %s\nVon: "%s" <%s>\nAn: %s\nBetreff: %s\n\n%s'
                % (when_text, quoted_from.display, quoted_from.email, quoted_to, subject, quoted_text))
    if client == 'notes':
        return ('\nVon:\t%s <%s>\nAn:\t%s\nDatum:\t%s\nBetreff:\t%s\n\n%s'
                % (quoted_from.display, quoted_from.email, quoted_to, when_text, subject, quoted_text))
    raise ValueError(client)


def forward_block(client, original, to, subject, when_text, text, lang='de'):
    o = '%s <%s>' % (original.display, original.email)
    if client == 'gmail':
        if lang == 'de':
            return ('---------- Weitergeleitete Nachricht ---------\nVon: %s\nDate: %s\nSubject: %s\nTo: %s\n\n\n%s'
                    % (o, when_text, subject, to, text))
        return ('---------- Forwarded message ---------\nFrom: %s\nDate: %s\nSubject: %s\nTo: %s\n\n\n%s'
                % (o, when_text, subject, to, text))
    if client in ('apple', 'iphone'):
        head = 'Anfang der weitergeleiteten Nachricht:' if lang == 'de' else 'Begin forwarded message:'
        return '%s\n\nFrom: %s\nSubject: %s\nDate: %s\nTo: %s\n\n%s' % (head, o, subject, when_text, to, text)
    if client == 'thunderbird':
        head = '-------- Weitergeleitete Nachricht --------' if lang == 'de' else '-------- Forwarded Message --------'
        return '%s\nBetreff: \t%s\nDatum: \t%s\nVon: \t%s\nAn: \t%s\n\n\n%s' % (head, subject, when_text, o, to, text) if lang == 'de' \
            else '%s\nSubject: \t%s\nDate: \t%s\nFrom: \t%s\nTo: \t%s\n\n\n%s' % (head, subject, when_text, o, to, text)
    if client == 'outlook':
        if lang == 'de':
            return ('Von: %s <%s>\nGesendet: %s\nAn: %s\nBetreff: %s\n\n%s'
                    % (original.display, original.email, when_text, to, subject, text))
        return ('-----Original Message-----\nFrom: %s <%s>\nSent: %s\nTo: %s\nSubject: %s\n\n%s'
                % (original.display, original.email, when_text, to, subject, text))
    if client == 'owa':
        return ('________________________________\nFrom: %s <%s>\nSent: %s\nTo: %s\nSubject: %s\n\n%s'
                % (original.display, original.email, when_text, to, subject, text))
    if client == 'gmx':
        return ('-------- Weitergeleitete Nachricht --------\nGesendet: %s\nVon: "%s" <%s>\nAn: %s\nBetreff: %s\n\n%s'
                % (when_text, original.display, original.email, to, subject, text))
    if client == 'notes':
        return ('----- Weitergeleitet von Anna Berger/Leadline am 04.03.2026 09:12 -----\n\nVon:\t%s <%s>\nAn:\t%s\nDatum:\t%s\nBetreff:\t%s\n\n%s'
                % (original.display, original.email, to, when_text, subject, text))
    raise ValueError(client)


# ---------------------------------------------------------------- the people (all invented)

DE = [
    P('Katrin', 'Vogel', 'k.vogel@vogel-verpackung.de', 'Vogel Verpackungstechnik GmbH', 'Leiterin Einkauf',
      phone('49', '7131', '904410'), phone('49', '171', '4420931'), 'www.vogel-verpackung.de', 'Im Weinberg 14', '74072', 'Heilbronn',
      display='Vogel, Katrin'),
    P('Matthias', 'Brenner', 'matthias.brenner@brenner-haustechnik.de', 'Brenner Haustechnik GmbH & Co. KG', 'Geschäftsführer',
      phone('49', '821', '5074430'), phone('49', '160', '91827364'), 'www.brenner-haustechnik.de', 'Gögginger Straße 88', '86159', 'Augsburg'),
    P('Stefanie', 'Albrecht', 'stefanie.albrecht@nordlicht-reisen.de', 'Nordlicht Reisen GmbH', 'Marketingleiterin',
      phone('49', '40', '38901720'), None, 'www.nordlicht-reisen.de', 'Große Elbstraße 145', '22767', 'Hamburg'),
    P('Jörg', 'Hallmann', 'j.hallmann@hallmann-elektro.de', 'Hallmann Elektrotechnik e.K.', 'Inhaber',
      phone('49', '231', '7264410'), phone('49', '172', '6650123'), 'www.hallmann-elektro.de', 'Hansastraße 23', '44137', 'Dortmund'),
    P('Sabine', 'Kürten', 'sabine.kuerten@kuerten-steuer.de', 'Kürten & Partner Steuerberatungsgesellschaft mbB', 'Partnerin',
      phone('49', '221', '2719930'), None, 'www.kuerten-steuer.de', 'Hohenzollernring 52', '50672', 'Köln',
      display='Kürten, Sabine'),
    P('Ralf', 'Dietz', 'ralf.dietz@dietz-logistik.de', 'Dietz Logistik AG', 'Head of IT',
      phone('49', '69', '24751800'), phone('49', '151', '22334455'), 'www.dietz-logistik.de', 'Hanauer Landstraße 291', '60314', 'Frankfurt am Main'),
    P('Ingrid', 'Falkner', 'i.falkner@falkner-moebel.at', 'Falkner Möbelwerkstätten GmbH', 'Prokuristin',
      phone('43', '512', '581144'), phone('43', '664', '3321987'), 'www.falkner-moebel.at', 'Amraser Straße 6', '6020', 'Innsbruck'),
    P('Uwe', 'Scheibe', 'uwe.scheibe@scheibe-metallbau.de', 'Scheibe Metallbau GmbH', 'Technischer Leiter',
      phone('49', '371', '4409120'), None, 'www.scheibe-metallbau.de', 'Neefestraße 40', '09119', 'Chemnitz'),
    P('Carina', 'Wolff', 'c.wolff@wolff-consulting.de', 'Wolff Consulting GmbH', 'Senior Consultant',
      phone('49', '89', '21093340'), phone('49', '176', '55501234'), 'www.wolff-consulting.de', 'Leopoldstraße 31', '80802', 'München'),
    P('Dominik', 'Pfeiffer', 'dominik.pfeiffer@pfeiffer-druck.de', 'Pfeiffer Druck GmbH', 'Vertriebsleiter',
      phone('49', '911', '9337720'), phone('49', '157', '38847261'), 'www.pfeiffer-druck.de', 'Fürther Straße 212', '90429', 'Nürnberg'),
    P('Heike', 'Sommerfeld', 'h.sommerfeld@sommerfeld-pflege.de', 'Sommerfeld Pflegedienste gGmbH', 'Verwaltungsleiterin',
      phone('49', '511', '8998140'), None, None, 'Podbielskistraße 120', '30177', 'Hannover'),
    P('Florian', 'Eckert', 'florian.eckert@eckert-solar.de', 'Eckert Solartechnik GmbH', 'Projektleiter',
      phone('49', '761', '4587630'), phone('49', '170', '9938271'), 'www.eckert-solar.de', 'Bötzinger Straße 60', '79111', 'Freiburg im Breisgau'),
    P('Anja', 'Reimers', 'anja.reimers@reimers-feinkost.de', 'Reimers Feinkost GmbH', 'Einkäuferin',
      phone('49', '431', '6619020'), None, 'www.reimers-feinkost.de', 'Holtenauer Straße 178', '24105', 'Kiel'),
    P('Bernd', 'Lütke', 'b.luetke@luetke-agrar.de', 'Lütke Agrarhandel GmbH', 'Geschäftsführer',
      phone('49', '251', '9287450'), phone('49', '171', '8765432'), 'www.luetke-agrar.de', 'Hafenweg 9', '48155', 'Münster'),
    P('Miriam', 'Osterkamp', 'm.osterkamp@osterkamp-architekten.de', 'Osterkamp Architekten PartG mbB', 'Partnerin',
      phone('49', '421', '3398810'), None, 'www.osterkamp-architekten.de', 'Schlachte 3', '28195', 'Bremen'),
    P('Tobias', 'Renner', 'tobias.renner@renner-it.ch', 'Renner IT AG', 'CTO',
      phone('41', '44', '5512030'), phone('41', '79', '4431122'), 'www.renner-it.ch', 'Badenerstrasse 141', '8004', 'Zürich'),
    P('Nadine', 'Haas', 'nadine.haas@haas-kosmetik.de', 'Haas Naturkosmetik GmbH', 'Leiterin Vertrieb',
      phone('49', '711', '72290140'), phone('49', '152', '09876543'), 'www.haas-kosmetik.de', 'Königstraße 49', '70173', 'Stuttgart'),
    P('Sven', 'Grabowski', 's.grabowski@grabowski-bau.de', 'Grabowski Bau GmbH', 'Bauleiter',
      None, phone('49', '173', '2211334'), None, 'Landsberger Allee 366', '12681', 'Berlin'),
    P('Ursula', 'von der Heide', 'u.vonderheide@heide-immobilien.de', 'von der Heide Immobilien GmbH', 'Geschäftsführerin',
      phone('49', '211', '8630470'), None, 'www.heide-immobilien.de', 'Königsallee 92', '40212', 'Düsseldorf'),
    P('Christoph', 'Maier-Lenz', 'c.maier-lenz@lenz-medizintechnik.de', 'Lenz Medizintechnik GmbH', 'Leiter Qualitätsmanagement',
      phone('49', '9131', '812260'), phone('49', '160', '7788990'), 'www.lenz-medizintechnik.de', 'Am Wetterkreuz 19', '91058', 'Erlangen'),
    P('Andrea', 'Kühn', 'andrea.kuehn@kuehn-textil.de', 'Kühn Textil GmbH', 'Assistentin der Geschäftsführung',
      phone('49', '7121', '3390150'), None, 'www.kuehn-textil.de', 'Lederstraße 77', '72764', 'Reutlingen'),
    P('Gülay', 'Demir', 'g.demir@demir-gastro.de', 'Demir Gastronomiebedarf GmbH', 'Inhaberin',
      phone('49', '621', '1598870'), phone('49', '176', '24681357'), 'www.demir-gastro.de', 'Mannheimer Straße 18', '68309', 'Mannheim'),
]

EN = [
    P('Michael', 'Turner', 'mturner@harborview-dental.com', 'Harborview Dental Group', 'Practice Manager',
      phone('1', '206', '5550143'), phone('1', '206', '5550178'), 'www.harborview-dental.com', '1420 Western Avenue', '98101', 'Seattle',
      country='US', state='WA'),
    P('Jessica', 'Park', 'jpark@cobaltfreight.com', 'Cobalt Freight LLC', 'VP of Operations',
      phone('1', '312', '5550122'), None, 'www.cobaltfreight.com', '233 South Wacker Drive', '60606', 'Chicago', country='US', state='IL'),
    P('David', 'Okafor', 'david.okafor@lumenanalytics.co.uk', 'Lumen Analytics Ltd', 'Head of Data',
      phone('44', '20', '79460371'), phone('44', '7700', '900412'), 'www.lumenanalytics.co.uk', '18 Clerkenwell Road', 'EC1M 5RN', 'London',
      country='GB'),
    P('Emily', 'Hartmann', 'emily.hartmann@brookside-legal.com', 'Brookside Legal LLP', 'Office Manager',
      phone('1', '617', '5550190'), None, 'www.brookside-legal.com', '75 State Street', '02109', 'Boston', country='US', state='MA'),
    P('Thomas', 'Reilly', 'treilly@reillyprint.ie', 'Reilly Print Solutions Ltd', 'Managing Director',
      phone('353', '1', '6712245'), phone('353', '87', '2345678'), 'www.reillyprint.ie', None, None, None, country='IE'),
    P('Priya', 'Raman', 'priya.raman@kestrelsoftware.com', 'Kestrel Software Inc.', 'Director of Sales',
      phone('1', '512', '5550164'), phone('1', '512', '5550186'), 'www.kestrelsoftware.com', '500 West 2nd Street, Suite 1900', '78701', 'Austin',
      country='US', state='TX'),
    P('Laura', 'Bennett', 'laura.bennett@greenleafcatering.co.uk', 'Greenleaf Catering Ltd', 'Events Manager',
      phone('44', '161', '4960382'), None, 'www.greenleafcatering.co.uk', '42 Deansgate', 'M3 2EG', 'Manchester', country='GB'),
    P('Daniel', 'Foster', 'dfoster@summitroofing.com', 'Summit Roofing Co.', 'Owner',
      phone('1', '303', '5550131'), phone('1', '303', '5550157'), 'www.summitroofing.com', '1600 Wynkoop Street', '80202', 'Denver',
      country='US', state='CO'),
    P('Hannah', 'Whitaker', 'h.whitaker@whitakerhr.co.uk', 'Whitaker HR Consulting Ltd', 'Founder',
      None, phone('44', '7700', '900733'), 'www.whitakerhr.co.uk', None, None, None, country='GB'),
    P('Robert', 'Chen', 'robert.chen@pacificmedsupply.com', 'Pacific Medical Supply Corp.', 'Procurement Manager',
      phone('1', '415', '5550119'), None, 'www.pacificmedsupply.com', '1 Embarcadero Center', '94111', 'San Francisco',
      country='US', state='CA'),
    P('Olivia', 'Grant', 'ogrant@grantarchitects.com', 'Grant & Lowe Architects', 'Partner',
      phone('1', '212', '5550177'), phone('1', '917', '5550102'), 'www.grantarchitects.com', '350 5th Avenue, Suite 5400', '10118', 'New York',
      country='US', state='NY'),
    P('Fiona', 'MacLeod', 'fiona.macleod@highlandwool.co.uk', 'Highland Wool Company Ltd', 'Sales Director',
      phone('44', '131', '4960550'), phone('44', '7700', '900861'), 'www.highlandwool.co.uk', '9 Rose Street', 'EH2 2PR', 'Edinburgh',
      country='GB'),
    P('Marcus', 'Hale', 'mhale@ironbridgecap.com', 'Ironbridge Capital Partners', 'Chief Operating Officer',
      phone('1', '646', '5550148'), None, 'www.ironbridgecap.com', None, None, None, country='US'),
    P('Amanda', 'Ruiz', 'amanda.ruiz@sunsetvet.com', 'Sunset Veterinary Clinic', 'Clinic Administrator',
      phone('1', '602', '5550133'), None, 'www.sunsetvet.com', '4420 North 7th Street', '85014', 'Phoenix', country='US', state='AZ'),
    P('Brian', 'Kowalczyk', 'brian.kowalczyk@lakeshoreplastics.com', 'Lakeshore Plastics Inc.', 'Plant Manager',
      phone('1', '414', '5550187'), phone('1', '414', '5550152'), None, '2100 South Kinnickinnic Avenue', '53207', 'Milwaukee',
      country='US', state='WI'),
]

FREE = [
    P('Klaus', 'Neumeier', 'klaus.neumeier@gmx.de', None, None, None, phone('49', '170', '3344556'), None, None, None, None),
    P('Petra', 'Wendland', 'petra.wendland@web.de', None, None, phone('49', '341', '4917702'), None, None, 'Lindenauer Markt 5', '04177', 'Leipzig'),
    P('Gary', 'Whitfield', 'gwhitfield@aol.com', 'Whitfield Hardware Supply', 'Owner', phone('1', '614', '5550182'), None, None, None, None, None),
    P('Linda', 'Marsh', 'linda.marsh@yahoo.com', 'Marsh Family Bakery', None, phone('1', '410', '5550126'), None, None, None, None, None),
    P('Horst', 'Baumgartner', 'h.baumgartner@t-online.de', 'Baumgartner Schreinerei', 'Schreinermeister', phone('49', '8031', '2299014'), None, None,
      'Kufsteiner Straße 40', '83022', 'Rosenheim'),
    P('Monika', 'Fried', 'monika.fried@gmx.at', None, None, None, phone('43', '676', '5512340'), None, None, None, None),
    P('Steven', 'Clarke', 'steven.clarke@hotmail.co.uk', None, None, None, phone('44', '7700', '900218'), None, None, None, None),
    P('Natalie', 'Brooks', 'nbrooks@comcast.net', 'Brooks Landscaping', 'Owner', phone('1', '215', '5550165'), None, None, None, None, None),
]


def main():
    for f in os.listdir(OUT):
        if f.endswith('.eml'):
            os.remove(os.path.join(OUT, f))
    d = DE
    e = EN
    f = FREE
    mids = {}

    # ---- New enquiries, German
    de_texts = [
        ('Anfrage: Lead-Management für unseren Vertrieb', 'Guten Tag,\n\nwir suchen eine Lösung, mit der unsere acht Außendienstmitarbeiter Anfragen zentral erfassen. Können Sie uns ein Angebot schicken?'),
        ('Angebot für 25 Arbeitsplätze', 'Sehr geehrte Damen und Herren,\n\nbitte senden Sie uns ein Angebot für 25 Lizenzen inkl. Einrichtung. Wir möchten im zweiten Quartal starten.'),
        ('Rückfrage zur Schnittstelle', 'Hallo,\n\nunterstützt Ihre Software den Import aus unserem Warenwirtschaftssystem? Wir hätten gern eine kurze Vorführung.'),
        ('Preise und Laufzeit', 'Guten Morgen,\n\nwas kostet die Lösung bei 12 Nutzern und einer Laufzeit von zwei Jahren? Gibt es einen Rabatt für Vereine?'),
        ('Termin für eine Vorführung', 'Sehr geehrte Frau Berger,\n\nwie besprochen hätten wir gern einen Termin für eine Online-Vorführung nächste Woche.'),
    ]
    clients_de = ['outlook', 'gmail', 'thunderbird', 'apple', 'notes', 'outlook', 'owa', 'gmail', 'thunderbird', 'outlook',
                  'apple', 'notes', 'gmail', 'outlook', 'thunderbird', 'owa']
    styles_de = ['classic', 'pipes', 'oneline', 'comma']
    closings = ['Mit freundlichen Grüßen', 'Viele Grüße', 'Freundliche Grüße', 'Beste Grüße', 'MfG']
    for i, p in enumerate(d[:16]):
        client = clients_de[i]
        subj, text = de_texts[i % len(de_texts)]
        sig = sig_de_lines(p, styles_de[i % 4])
        closing = closings[i % len(closings)]
        if client in ('gmail', 'thunderbird') and i % 2 == 0:
            body = text + '\n\n' + closing + '\n' + p.first + '\n\n--\n' + sig
        else:
            body = text + '\n\n' + closing + '\n\n' + sig
        if i % 5 == 3:
            body += '\n\n%s, Sitz: %s, Registergericht: Amtsgericht %s HRB %d\nGeschäftsführung: %s %s' % (
                p.company, p.city, p.city, 10000 + i * 731, p.first, p.last)
        mids[p.email] = enquiry('%s-de-enquiry' % client, p, client, subj, body, '', date(2 + i % 4, 8 + i % 9, i * 3 % 60))

    # ---- New enquiries, English
    en_texts = [
        ('Pricing for 30 seats', 'Hi there,\n\nWe are evaluating lead management tools for our sales team of about 30 people. Could you send pricing and a short overview?'),
        ('Demo request', 'Hello,\n\nI would like to schedule a demo for next week. Tuesday or Wednesday afternoon would work best for us.'),
        ('Question about the CSV import', 'Good morning,\n\nWe have around 40,000 contacts in spreadsheets. Can your product import them and flag duplicates?'),
        ('Quote request', 'Hi,\n\nPlease send us a quote for the Business plan, billed annually. We would start with 15 users.'),
    ]
    clients_en = ['gmail', 'outlook', 'apple', 'owa', 'thunderbird', 'gmail', 'yahoo', 'outlook', 'apple', 'gmail', 'owa', 'thunderbird']
    closings_en = ['Best regards,', 'Thanks,', 'Kind regards,', 'Cheers,', 'Many thanks,', 'Best,']
    for i, p in enumerate(e[:12]):
        client = clients_en[i]
        subj, text = en_texts[i % len(en_texts)]
        sig = sig_en_lines(p, 'classic' if i % 2 == 0 else 'pipes')
        body = text + '\n\n' + closings_en[i % len(closings_en)] + '\n' + sig
        mids[p.email] = enquiry('%s-en-enquiry' % client, p, client, subj, body, '', date(2 + i % 4, 9 + i % 8, i * 7 % 60, '-0500'))

    # ---- Free-mail enquiries (no company from the domain)
    k, pw, gw, lm, hb, mf, sc, nb = f
    enquiry('gmx-de-enquiry', k, 'gmx',
            'Anfrage für meinen Betrieb', 'Hallo,\n\nich betreibe eine kleine Werkstatt und suche ein einfaches System für Kundenanfragen. Was kostet das?',
            'Viele Grüße\nKlaus Neumeier\nMobil: 0170 3344556\n\nGesendet mit der GMX Mail App', date(3, 19, 40),
            expect=expect_of(k))
    enquiry('webde-enquiry', pw, 'gmx',
            'Frage zu Ihrem Angebot', 'Guten Tag,\n\nich interessiere mich für Ihr Starter-Paket für Vereine.',
            'Mit freundlichen Grüßen\n\nPetra Wendland\nLindenauer Markt 5\n04177 Leipzig\nTel. 0341 4917702', date(4, 11, 5),
            expect=expect_of(pw))
    mids[lm.email] = enquiry('yahoo-en-enquiry', lm, 'yahoo', 'Ordering software for a bakery',
                             'Hello,\n\nDo you offer a plan for small shops? We take about 50 catering orders a month.',
                             'Thank you,\nLinda Marsh\nMarsh Family Bakery\n(410) 555-0126\n\nSent from Yahoo Mail on Android', date(4, 15, 22, '-0500'))
    enquiry('tonline-de-enquiry', hb, 'outlook', 'Anfrage Kundenverwaltung',
            'Grüß Gott,\n\nfür meine Schreinerei suche ich eine Software für Angebote und Kundenanfragen.',
            'Mit freundlichem Gruß\n\nHorst Baumgartner\nSchreinermeister\nBaumgartner Schreinerei\nKufsteiner Straße 40\n83022 Rosenheim\nTel. 08031 2299014',
            date(5, 7, 48))
    enquiry('iphone-de-enquiry', mf, 'iphone', 'Frage', 'Hallo, gibt es eine App fürs Handy? Bitte um Rückruf unter 0676 5512340.\n\nLG Monika',
            'Von meinem iPhone gesendet', date(5, 21, 13),
            expect={'person': 'Monika Fried', 'email': mf.email})
    enquiry('iphone-en-enquiry', sc, 'iphone', 'Pricing?', 'Hi, quick one - what does it cost for a one-man business? Thanks, Steven',
            'Sent from my iPhone', date(6, 7, 2, '+0000'),
            expect={'person': 'Steven Clarke', 'email': sc.email})

    # ---- Special cases of the issue
    oc = P('Sarah', "O'Connor", 'sarah.oconnor@emeraldlogistics.ie', 'Emerald Logistics Ltd', 'Operations Manager',
           phone('353', '1', '6798812'), None, 'www.emeraldlogistics.ie', None, None, None, display="O'Connor, Sarah")
    enquiry('outlook-en-last-first-apostrophe', oc, 'outlook', 'Fleet scheduling and leads',
            'Hello,\n\nWe would like to know whether your tool can track enquiries per depot. A call this week would be great.',
            'Kind regards,\n\nSarah O\'Connor\nOperations Manager\nEmerald Logistics Ltd\nTel: +353 1 679 8812\nwww.emeraldlogistics.ie',
            date(3, 10, 30, '+0000'))
    vdb = P('Jan', 'van der Berg', 'jan.vanderberg@berg-installatie.nl', 'Berg Installatietechniek B.V.', 'Directeur',
            phone('31', '20', '5557123'), None, 'www.berg-installatie.nl', None, None, None, display='van der Berg, Jan')
    enquiry('outlook-nl-particle', vdb, 'outlook', 'Request for a quote',
            'Dear sir or madam,\n\nPlease send a quote for 10 users. We are based in Amsterdam and work in Dutch and English.',
            'Met vriendelijke groet,\n\nJan van der Berg\nDirecteur\nBerg Installatietechniek B.V.\nT +31 20 555 7123\nwww.berg-installatie.nl',
            date(4, 9, 12))
    js = P('John', 'Smith', 'john.smith@alderpartners.co.uk', 'Alder Partners Ltd', 'Sales Manager',
           phone('44', '20', '79460199'), None, 'www.alderpartners.co.uk', None, None, None, display='Smith, John (Sales)')
    enquiry('owa-en-department-in-name', js, 'owa', 'Trial licence',
            'Hi,\n\nCould we get a 30-day trial for three of our account managers?',
            'Thanks,\nJohn Smith\nSales Manager | Alder Partners Ltd\nT: +44 20 7946 0199\nwww.alderpartners.co.uk', date(5, 14, 41, '+0000'))
    # Raw UTF-8 in the From header (RFC 6532), as some servers pass it on.
    jk = P('Jürgen', 'Köhler-Straßburg', 'j.koehler@koehler-druckerei.de', 'Köhler Druckerei GmbH', 'Geschäftsführer',
           phone('49', '6131', '578830'), None, 'www.koehler-druckerei.de', 'Rheinallee 12', '55116', 'Mainz')
    raw = ('From: Jürgen Köhler-Straßburg <j.koehler@koehler-druckerei.de>\nTo: info@leadline.example\n'
           'Subject: Anfrage Druckaufträge\nDate: %s\nMessage-ID: %s\nMIME-Version: 1.0\n'
           'Content-Type: text/plain; charset=UTF-8\nContent-Transfer-Encoding: 8bit\n\n'
           'Guten Tag,\n\nwir möchten unsere Anfragen künftig zentral erfassen.\n\nMit freundlichen Grüßen\n'
           'Jürgen Köhler-Straßburg\nGeschäftsführer\nKöhler Druckerei GmbH\nRheinallee 12\n55116 Mainz\n'
           'Telefon: 06131 578830\nwww.koehler-druckerei.de\n') % (date(4, 8, 8), msgid('utf8hdr', 'koehler-druckerei.de'))
    write('utf8-raw-display-name', [], raw.replace('\n', '\r\n'), 'CREATED', expect_of(jk), 'RFC 6532 raw UTF-8 display name')
    # A part declared us-ascii that holds UTF-8.
    mk = P('Marta', 'Köhler', 'marta.koehler@koehler-zahntechnik.de', 'Köhler Zahntechnik GmbH', 'Laborleiterin',
           phone('49', '551', '3079945'), None, None, 'Groner Landstraße 9', '37073', 'Göttingen')
    head = ('From: Marta Koehler <marta.koehler@koehler-zahntechnik.de>\r\nTo: info@leadline.example\r\nSubject: Anfrage\r\n'
            'Date: %s\r\nMessage-ID: %s\r\nMIME-Version: 1.0\r\nContent-Type: text/plain; charset=us-ascii\r\n'
            'Content-Transfer-Encoding: 8bit\r\n\r\n') % (date(5, 12, 0), msgid('ascii', 'koehler-zahntechnik.de'))
    body = ('Sehr geehrte Damen und Herren,\n\nbitte schicken Sie uns Unterlagen für unser Labor.\n\nMit freundlichen Grüßen\n\n'
            'Marta Köhler\nLaborleiterin\nKöhler Zahntechnik GmbH\nGroner Landstraße 9\n37073 Göttingen\nTel.: 0551 3079945\n')
    write('us-ascii-holding-utf8', [], (head + body.replace('\n', '\r\n')), 'CREATED', expect_of(mk), 'charset us-ascii, bytes UTF-8')
    # A part declared UTF-8 that holds Latin-1: written as bytes.
    gb = P('Günther', 'Weiß', 'g.weiss@weiss-baeckerei.de', 'Bäckerei Weiß GmbH', 'Inhaber',
           phone('49', '9621', '478812'), None, 'www.weiss-baeckerei.de', 'Schloßgraben 4', '92224', 'Amberg')
    head = ('From: =?utf-8?Q?G=C3=BCnther_Wei=C3=9F?= <g.weiss@weiss-baeckerei.de>\r\nTo: info@leadline.example\r\n'
            'Subject: Kassensystem und Kundenanfragen\r\nDate: %s\r\nMessage-ID: %s\r\nMIME-Version: 1.0\r\n'
            'Content-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\n') % (date(5, 6, 30), msgid('latin', 'weiss-baeckerei.de'))
    body = ('Grüß Gott,\n\nfür unsere vier Filialen suchen wir etwas für Bestellungen von Firmenkunden.\n\nFreundliche Grüße\n\n'
            'Günther Weiß\nInhaber\nBäckerei Weiß GmbH\nSchloßgraben 4\n92224 Amberg\nTel.: 09621 478812\nwww.weiss-baeckerei.de\n')
    n = len(ROWS) + 1
    name = '%03d-utf8-label-holding-latin1.eml' % n
    with open(os.path.join(OUT, name), 'wb') as fh:
        fh.write(head.encode('ascii') + body.replace('\n', '\r\n').encode('iso-8859-1'))
    ex = expect_of(gb)
    ROWS.append([name, 'CREATED'] + [ex.get(k) or '' for k in ('person', 'email', 'company', 'title', 'phone', 'mobile', 'website',
                                                                'street', 'postalCode', 'city')] + ['charset utf-8, bytes Latin-1'])
    # A mail client's footer link, and a bare domain.
    dk = P('Dana', 'Kim', 'dana@kimdesignstudio.com', 'Kim Design Studio LLC', 'Creative Director',
           phone('1', '503', '5550171'), None, None, None, None, None)
    enquiry('sparrow-footer-link', dk, 'apple', 'Lead tracking for a design studio',
            'Hi,\n\nWe get most of our projects by email. Can your tool turn those into leads automatically?',
            'Best,\nDana Kim\nCreative Director\nKim Design Studio LLC\n(503) 555-0171\n\nSent with Sparrow (http://www.sparrowmailapp.com/?sig)',
            date(3, 16, 44, '-0800'))
    ts = P('Tobias', 'Schmidt', 't.schmidt@schmidt-it.de', 'Schmidt IT-Service GmbH', 'Geschäftsführer',
           phone('49', '6221', '6539210'), None, 'schmidt-it.de', 'Bergheimer Straße 147', '69115', 'Heidelberg')
    enquiry('outlook-de-bare-domain', ts, 'outlook', 'Partnerschaft',
            'Hallo Frau Berger,\n\nwir betreuen IT für rund 60 Mittelständler und würden Ihre Lösung gern anbieten.',
            'Mit freundlichen Grüßen\n\nTobias Schmidt\nGeschäftsführer\nSchmidt IT-Service GmbH\nBergheimer Straße 147, 69115 Heidelberg\n'
            'Tel.: 06221 6539210\nWeb: schmidt-it.de', date(6, 9, 55))
    # No Message-ID.
    nm = P('Ole', 'Jansen', 'ole.jansen@jansen-yachtservice.de', 'Jansen Yachtservice GmbH', 'Inhaber',
           phone('49', '461', '1409930'), None, 'www.jansen-yachtservice.de', 'Am Industriehafen 3', '24937', 'Flensburg')
    raw = ('From: Ole Jansen <ole.jansen@jansen-yachtservice.de>\nTo: info@leadline.example\nSubject: Anfrage Winterlager-Kunden\n'
           'Date: %s\nMIME-Version: 1.0\nContent-Type: text/plain; charset=UTF-8\nContent-Transfer-Encoding: 8bit\n\n'
           'Moin,\n\nwir möchten die Anfragen für unser Winterlager besser verwalten.\n\nBeste Grüße\nOle Jansen\nInhaber\n'
           'Jansen Yachtservice GmbH\nAm Industriehafen 3\n24937 Flensburg\nTel.: 0461 1409930\nwww.jansen-yachtservice.de\n') % date(6, 17, 20)
    write('no-message-id', [], raw.replace('\n', '\r\n'), 'CREATED', expect_of(nm), 'no Message-ID')

    # ---- Replies to our own outbound mail by people not yet known: the sender, never the quoted header
    offer_de = 'Guten Tag,\n\nanbei wie besprochen unser Angebot.\n\nMit freundlichen Grüßen\n\n' + our_signature_de()
    offer_en = 'Hi,\n\nAs promised, here is our proposal.\n\nBest regards,\n' + our_signature_en()
    replies = [
        ('aol', nb, 'en', 'Re: Your proposal', 'Megan, thanks - the numbers look fine. Can you call me Thursday morning?',
         'Natalie Brooks\nBrooks Landscaping\nOwner\nPhone: (215) 555-0165'),
        ('aol', gw, 'en', 'Re: Your quote for the warehouse scanners', 'Megan, thanks. Please call me tomorrow.',
         'Gary Whitfield\nOwner\nWhitfield Hardware Supply\nPhone: (614) 555-0182'),
        ('yahoo', e[12], 'en', 'Re: Proposal', 'Hi Megan,\n\nWe reviewed it internally. Two questions on the onboarding - when can we talk?',
         'Thanks,\n' + sig_en_lines(e[12], 'classic')),
        ('outlook', e[13], 'en', 'RE: Proposal', 'Megan,\n\nThanks for sending this over. Our board meets Friday; I will get back to you next week.',
         'Best regards,\n\n' + sig_en_lines(e[13], 'classic')),
        ('owa', d[16], 'de', 'AW: Angebot', 'Hallo Frau Berger,\n\nvielen Dank. Wir hätten noch Fragen zur Datenmigration.',
         'Viele Grüße\n\n' + sig_de_lines(d[16], 'classic')),
        ('gmail', d[17], 'de', 'Re: Angebot', 'Hallo Anna,\n\ndanke, passt soweit. Können wir nächste Woche telefonieren?',
         'Gruß\n' + sig_de_lines(d[17], 'classic')),
        ('outlook', d[18], 'de', 'AW: Ihr Angebot', 'Sehr geehrte Frau Berger,\n\nherzlichen Dank. Bitte senden Sie uns noch die AGB.',
         'Mit freundlichen Grüßen\n\n' + sig_de_lines(d[18], 'classic')),
        ('gmx', d[19], 'de', 'Aw: Angebot', 'Hallo Frau Berger,\n\nwir sind grundsätzlich interessiert, brauchen aber eine Lösung für 3 Standorte.',
         'Freundliche Grüße\n' + sig_de_lines(d[19], 'oneline')),
        ('notes', d[20], 'de', 'Antwort: Angebot', 'Sehr geehrte Frau Berger,\n\ndanke für das Angebot. Ich leite es an die Geschäftsführung weiter.',
         'Mit freundlichen Grüßen\n\n' + sig_de_lines(d[20], 'classic')),
        ('thunderbird', d[21], 'de', 'Re: Angebot', 'Hallo Frau Berger,\n\ndas Angebot passt. Wann könnten Sie starten?',
         'Viele Grüße\n' + sig_de_lines(d[21], 'comma')),
        ('apple', e[14], 'en', 'Re: Proposal', 'Megan - thank you. We will need the VAT details on the invoice.',
         'Kind regards,\n' + sig_en_lines(e[14], 'classic')),
        ('yahoo-new', lm, 'en', 'Re: Proposal', 'Hi Megan, we talked it over and want to go ahead with the small plan.', None),
    ]
    hist_when = {'en': 'Monday, March 2, 2026 at 4:03 PM', 'de': 'Montag, 2. März 2026 16:03'}
    for client, p, lang, subj, text, sig in replies:
        rep = REP_DE if lang == 'de' else REP_EN
        hc = client
        client_for = 'yahoo' if client == 'yahoo-new' else client
        when_text = hist_when[lang] if client not in ('gmail', 'apple', 'thunderbird', 'yahoo-new') else (
            'Mo., 2. März 2026 um 16:03 Uhr' if lang == 'de' else 'Mon, Mar 2, 2026 at 4:03 PM')
        hist = history(hc, rep, p.email, subj.split(':', 1)[1].strip(), when_text, offer_de if lang == 'de' else offer_en, lang)
        body = text + '\n\n' + (sig or 'Linda') + '\n' + hist
        if p is lm:
            # Linda wrote from Yahoo before (an enquiry above): her address is known, so the reply joins her lead.
            enquiry('%s-%s-reply-known-sender' % (client, lang), p, client_for, subj, body, '', date(9, 10, 15, '-0500'),
                    outcome='ATTACHED', expect={'person': 'Linda Marsh', 'email': lm.email, 'company': None},
                    note='reply from an address taken in before', to=rep.email)
            continue
        ex = expect_of(p)
        enquiry('%s-%s-reply-to-our-offer' % (client, lang), p, client_for, subj, body, '', date(9, 9 + len(ROWS) % 8, 11, '-0500' if lang == 'en' else '+0100'),
                expect=ex, note='reply whose quoted history names our salesperson', to=rep.email)

    # ---- Replies in the thread of an earlier message of the corpus
    thread = [
        (d[0], 'outlook', 'AW: Anfrage: Lead-Management für unseren Vertrieb', 'de', 'classic'),
        (d[1], 'gmail', 'Re: Angebot für 25 Arbeitsplätze', 'de', 'pipes'),
        (d[4], 'notes', 'Antwort: Angebot für 25 Arbeitsplätze', 'de', 'classic'),
        (e[0], 'gmail', 'Re: Pricing for 30 seats', 'en', 'classic'),
        (e[1], 'outlook', 'RE: Demo request', 'en', 'pipes'),
        (e[3], 'owa', 'RE: Demo request', 'en', 'classic'),
        (d[7], 'thunderbird', 'Re: Preise und Laufzeit', 'de', 'classic'),
        (e[6], 'yahoo', 'Re: Question about the CSV import', 'en', 'classic'),
    ]
    for p, client, subj, lang, style in thread:
        rep = REP_DE if lang == 'de' else REP_EN
        ours = msgid('out', OWN)
        answer = ('Hallo,\n\nvielen Dank für Ihre Anfrage. Anbei unser Angebot.\n\n' + our_signature_de()) if lang == 'de' else \
            ('Hello,\n\nThanks for your interest. Attached is our offer.\n\n' + our_signature_en())
        when_text = hist_when[lang] if client not in ('gmail', 'apple', 'thunderbird') else (
            'Mo., 2. März 2026 um 16:03 Uhr' if lang == 'de' else 'Mon, Mar 2, 2026 at 4:03 PM')
        text = ('Hallo Frau Berger,\n\ndanke, das klingt gut. Wir melden uns bis Freitag.' if lang == 'de'
                else 'Hi Megan,\n\nThanks, that looks good. We will confirm by Friday.')
        sig = ('Viele Grüße\n\n' + sig_de_lines(p, style)) if lang == 'de' else ('Best regards,\n' + sig_en_lines(p, style))
        body = text + '\n\n' + sig + '\n' + history(client, rep, p.email, subj.split(':', 1)[1].strip(), when_text, answer, lang)
        enquiry('%s-%s-reply-in-thread' % (client, lang), p, client, subj, body, '', date(10, 8 + len(ROWS) % 9, 30),
                outcome='ATTACHED', note='reply in the thread of an earlier enquiry', refs=[mids[p.email], ours], to=rep.email)

    # ---- Mail from leads the tenant has already (existing.tsv), outside any thread
    known = [
        P('Werner', 'Krüger', 'w.krueger@krueger-landtechnik.de', 'Krüger Landtechnik GmbH', 'Geschäftsführer',
          phone('49', '5141', '938870'), None, 'www.krueger-landtechnik.de', 'Hannoversche Straße 61', '29221', 'Celle'),
        P('Emma', 'Sullivan', 'emma.sullivan@bluepeakmedia.com', 'Blue Peak Media Inc.', 'Marketing Director',
          phone('1', '720', '5550138'), None, 'www.bluepeakmedia.com', None, None, None),
        P('Silke', 'Hofmann', 'silke.hofmann@web.de', None, None, None, phone('49', '157', '71234560'), None, None, None, None),
        P('Paul', 'Lindqvist', 'paul.lindqvist@nordicbuild.se', 'Nordic Build AB', 'Project Director',
          phone('46', '8', '55512340'), None, 'www.nordicbuild.se', None, None, None),
        P('Martina', 'Schreiber', 'm.schreiber@schreiber-reinigung.de', 'Schreiber Gebäudereinigung GmbH', 'Bereichsleiterin',
          phone('49', '351', '4382290'), phone('49', '162', '3456789'), None, 'Löbtauer Straße 70', '01159', 'Dresden'),
        P('Alan', 'Price', 'alan.price@priceandsons.co.uk', 'Price & Sons Ltd', 'Director',
          phone('44', '117', '4960712'), None, 'www.priceandsons.co.uk', None, None, None),
    ]
    texts = [
        ('Neue Frage zur Lizenz', 'Hallo Frau Berger,\n\neine Frage noch: Gilt die Lizenz auch für unsere Tochterfirma?', 'outlook', 'de'),
        ('Follow-up', 'Hi Megan,\n\nJust checking whether the discount is still valid this month.', 'gmail', 'en'),
        ('Nochmal ich', 'Hallo,\n\nich habe die Unterlagen bekommen, danke! Wann können wir telefonieren?', 'gmx', 'de'),
        ('Another question', 'Hello Megan,\n\nOne more thing: do you host in the EU?', 'thunderbird', 'en'),
        ('Nachtrag', 'Hallo Frau Berger,\n\nkurzer Nachtrag: Wir wären dann 30 statt 25 Nutzer.', 'notes', 'de'),
        ('Contract question', 'Hi Megan,\n\nLegal asked whether the contract can be in English and German.', 'apple', 'en'),
    ]
    existing = []
    for p, (subj, text, client, lang) in zip(known, texts):
        existing.append(p)
        sig = ('Viele Grüße\n\n' + sig_de_lines(p, 'classic')) if lang == 'de' else ('Best regards,\n' + sig_en_lines(p, 'classic'))
        enquiry('%s-%s-known-lead' % (client, lang), p, client, subj, text + '\n\n' + sig, '', date(11, 9 + len(ROWS) % 8, 5),
                outcome='ATTACHED', note='the sender is a lead of the tenant already')

    # ---- Forwards by a colleague: the original sender is the lead
    fw = [
        ('gmail', 'de', P('Lena', 'Hartwig', 'lena.hartwig@hartwig-fenster.de', 'Hartwig Fensterbau GmbH', 'Kaufmännische Leiterin',
                          phone('49', '5231', '580940'), phone('49', '171', '5566778'), 'www.hartwig-fenster.de', 'Bielefelder Straße 101', '32756', 'Detmold'),
         'Anfrage Software für Aufmaß und Angebote', 'classic'),
        ('outlook', 'de', P('Frank', 'Zimmer', 'f.zimmer@zimmer-kaeltetechnik.de', 'Zimmer Kältetechnik GmbH', 'Service-Leiter',
                            phone('49', '6151', '3609920'), None, 'www.zimmer-kaeltetechnik.de', 'Pallaswiesenstraße 180', '64293', 'Darmstadt'),
         'Wartungsverträge digital verwalten', 'comma'),
        ('apple', 'en', P('Rachel', 'Nguyen', 'rachel.nguyen@tidewaterhomes.com', 'Tidewater Homes Inc.', 'Sales Manager',
                          phone('1', '757', '5550149'), phone('1', '757', '5550163'), 'www.tidewaterhomes.com', '101 West Main Street', '23510', 'Norfolk',
                          country='US', state='VA'),
         'Lead tracking for new home sales', 'classic'),
        ('thunderbird', 'de', P('Marco', 'Bianchi', 'marco.bianchi@bianchi-weine.ch', 'Bianchi Weinhandel AG', 'Geschäftsführer',
                                phone('41', '91', '9221870'), None, 'www.bianchi-weine.ch', 'Via Nassa 21', '6900', 'Lugano'),
         'Anfrage für unseren Aussendienst', 'classic'),
        ('owa', 'en', P('Kevin', 'Walsh', 'kevin.walsh@walshsecurity.co.uk', 'Walsh Security Systems Ltd', 'Commercial Director',
                        phone('44', '121', '4960144'), phone('44', '7700', '900594'), 'www.walshsecurity.co.uk', '5 Colmore Row', 'B3 2BJ', 'Birmingham',
                        country='GB'),
         'CRM for our installers', 'classic'),
        ('gmx', 'de', P('Ines', 'Jakobs', 'ines.jakobs@jakobs-hoerakustik.de', 'Jakobs Hörakustik GmbH', 'Filialleiterin',
                        phone('49', '261', '1339870'), None, None, 'Löhrstraße 44', '56068', 'Koblenz'),
         'Termin- und Anfrageverwaltung', 'classic'),
        ('notes', 'de', P('Rüdiger', 'Stahl', 'r.stahl@stahl-antriebe.de', 'Stahl Antriebstechnik GmbH', 'Einkaufsleiter',
                          phone('49', '7361', '5571230'), None, 'www.stahl-antriebe.de', 'Ulmer Straße 210', '73431', 'Aalen'),
         'Anfrage Lizenzen', 'classic'),
        ('gmail', 'en', P('Chloe', 'Martin', 'chloe.martin@atelier-lumiere.fr', 'Atelier Lumière SARL', 'Gérante',
                          phone('33', '1', '45678901'), None, 'www.atelier-lumiere.fr', None, None, None),
         'Question about your product', 'classic'),
        ('outlook', 'en', P('Victor', 'Almeida', 'victor.almeida@almeida-trading.com', 'Almeida Trading Inc.', 'Purchasing Manager',
                            phone('1', '305', '5550129'), None, 'www.almeida-trading.com', '200 South Biscayne Boulevard', '33131', 'Miami',
                            country='US', state='FL'),
         'Evaluation', 'classic'),
    ]
    colleague_de = P('Jonas', 'Feld', 'jonas.feld@' + OWN, 'Leadline GmbH', 'Marketing')
    colleague_en = P('Chris', 'Doyle', 'chris.doyle@' + OWN, 'Leadline Inc.', 'Marketing')
    for client, lang, p, osubj, style in fw:
        col = colleague_de if lang == 'de' else colleague_en
        otext = ('Guten Tag,\n\nbitte schicken Sie mir Informationen zu Ihrer Lösung.\n\nMit freundlichen Grüßen\n\n' + sig_de_lines(p, style)) \
            if lang == 'de' else ('Hello,\n\nPlease send me some information about your product.\n\nBest regards,\n' + sig_en_lines(p, style))
        when_text = 'Montag, 2. März 2026 14:20' if lang == 'de' else 'Monday, March 2, 2026 2:20 PM'
        block = forward_block(client, p, 'info@' + OWN, osubj, when_text, otext, lang)
        comment = ('Hallo Anna,\n\nkannst du das übernehmen?\n\nDanke\nJonas\n\n' if lang == 'de'
                   else 'Megan - can you take this one?\n\nThanks,\nChris\n\n')
        prefix = {'outlook': 'WG: ' if lang == 'de' else 'FW: ', 'owa': 'FW: ', 'notes': 'WG: '}.get(client, 'Fwd: ')
        body = comment + block
        enquiry('%s-%s-forward' % (client, lang), col, client, prefix + osubj, body, '', date(4, 10 + len(ROWS) % 6, 50),
                expect=expect_of(p), note='forwarded by a colleague: the original sender', to=REP_DE.email if lang == 'de' else REP_EN.email)
    # A forward as attachment (message/rfc822), Apple Mail.
    at = P('Sophie', 'Lambert', 'sophie.lambert@lambert-consulting.be', 'Lambert Consulting SRL', 'Managing Partner',
           phone('32', '2', '5501234'), None, 'www.lambert-consulting.be', None, None, None)
    inner = ('From: Sophie Lambert <sophie.lambert@lambert-consulting.be>\r\nTo: info@leadline.example\r\nSubject: Request for information\r\n'
             'Date: %s\r\nMessage-ID: %s\r\nContent-Type: text/plain; charset=utf-8\r\n\r\nHello,\r\n\r\nCould you send a brochure and prices?\r\n\r\n'
             'Kind regards,\r\nSophie Lambert\r\nManaging Partner\r\nLambert Consulting SRL\r\nT +32 2 550 12 34\r\nwww.lambert-consulting.be\r\n') % (
        date(3, 9, 0), msgid('inner', 'lambert-consulting.be'))
    outer = ('From: Chris Doyle <chris.doyle@leadline.example>\r\nTo: Megan Ross <megan.ross@leadline.example>\r\nSubject: Fwd: Request for information\r\n'
             'Date: %s\r\nMessage-ID: %s\r\nMIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary="Apple-Mail=_7F3A"\r\n\r\n'
             '--Apple-Mail=_7F3A\r\nContent-Type: text/plain; charset=us-ascii\r\n\r\nFor you, Megan.\r\n\r\n'
             '--Apple-Mail=_7F3A\r\nContent-Type: message/rfc822; name="Request for information.eml"\r\nContent-Disposition: attachment\r\n\r\n%s\r\n'
             '--Apple-Mail=_7F3A--\r\n') % (date(3, 11, 0), msgid('apple', OWN), inner)
    write('apple-en-forward-as-attachment', [], outer, 'CREATED', expect_of(at), 'forward as attachment')
    # A forward of a mail by a known lead: joins that lead.
    p = known[0]
    block = forward_block('outlook', p, 'info@' + OWN, 'Ersatzteile', 'Dienstag, 3. März 2026 08:02',
                          'Hallo,\n\nbitte auch ein Angebot für die Ersatzteile.\n\nViele Grüße\n\n' + sig_de_lines(p, 'classic'), 'de')
    enquiry('outlook-de-forward-known-lead', colleague_de, 'outlook', 'WG: Ersatzteile', 'Anna, zur Info.\n\nJonas\n\n' + block, '',
            date(4, 8, 30), outcome='ATTACHED', expect=expect_of(p), note='forward of a known lead\'s mail', to=REP_DE.email)

    # ---- Not leads: automatic replies, newsletters, bounces, no-reply senders
    def notlead(name, hdrs, body, note):
        write(name, hdrs, body, 'IGNORED', {}, note)

    notlead('outlook-de-out-of-office', [('From', 'Katrin Vogel <k.vogel@vogel-verpackung.de>'), ('To', 'anna.berger@' + OWN),
            ('Subject', 'Automatische Antwort: Angebot'), ('Date', date(12, 8, 0)), ('Message-ID', msgid('oof', 'vogel-verpackung.de')),
            ('Auto-Submitted', 'auto-replied'), ('X-MS-Exchange-Generated-Message-Source', 'OOF')],
            body_plain('Ich bin bis 20.03. nicht im Büro. In dringenden Fällen wenden Sie sich an einkauf@vogel-verpackung.de.\n\nKatrin Vogel\nTel.: +49 7131 904410', 'iso-8859-1'),
            'Outlook out of office')
    notlead('outlook-en-automatic-reply', [('From', 'Jessica Park <jpark@cobaltfreight.com>'), ('To', 'megan.ross@' + OWN),
            ('Subject', 'Automatic reply: Proposal'), ('Date', date(12, 9, 0, '-0500')), ('Message-ID', msgid('oof', 'cobaltfreight.com')),
            ('X-Auto-Response-Suppress', 'All')],
            body_plain('I am out of the office until March 23 with limited access to email.\n\nJessica Park\nVP of Operations', 'utf-8'),
            'automatic reply by subject')
    notlead('gmail-vacation-responder', [('From', 'Priya Raman <priya.raman@kestrelsoftware.com>'), ('To', 'megan.ross@' + OWN),
            ('Subject', 'Out of Office Re: Pricing'), ('Date', date(12, 10, 0, '-0600')), ('Message-ID', msgid('vac', 'kestrelsoftware.com')),
            ('Auto-Submitted', 'auto-replied (vacation)')],
            body_alt('Thanks for your note. I am travelling and will reply when I am back on Monday.\n\nPriya', 'UTF-8'),
            'vacation responder')
    notlead('gmx-abwesenheit', [('From', '"Klaus Neumeier" <klaus.neumeier@gmx.de>'), ('To', 'info@' + OWN),
            ('Subject', 'Abwesenheitsnotiz'), ('Date', date(12, 11, 0)), ('Message-ID', msgid('abw', 'gmx.net'))],
            body_html('Vielen Dank für Ihre Nachricht. Ich bin bis zum 15. März im Urlaub.', 'UTF-8', 'quoted-printable'),
            'GMX absence notice by subject')
    notlead('notes-abwesend', [('From', 'Rüdiger Stahl <r.stahl@stahl-antriebe.de>'), ('To', 'anna.berger@' + OWN),
            ('Subject', 'Abwesenheit: Angebot'), ('Date', date(12, 12, 0)), ('Message-ID', msgid('abw', 'stahl-antriebe.de')),
            ('Auto-Submitted', 'auto-generated'), ('X-Mailer', 'HCL Notes Release 12.0.2 FP1')],
            body_plain('Ich bin ab 09.03.2026 abwesend und kehre zurück am 16.03.2026.', 'iso-8859-1'), 'Notes absence')
    notlead('newsletter-list-unsubscribe', [('From', 'Fachverband Vertrieb <news@fachverband-vertrieb.de>'), ('To', 'info@' + OWN),
            ('Subject', '=?UTF-8?Q?Newsletter_M=C3=A4rz=3A_Trends_im_B2B-Vertrieb?='),
            ('Date', date(6, 6, 0)), ('Message-ID', msgid('nl', 'fachverband-vertrieb.de')),
            ('List-Unsubscribe', '<https://fachverband-vertrieb.de/abmelden?u=4711>'), ('List-Unsubscribe-Post', 'List-Unsubscribe=One-Click')],
            body_alt('Liebe Leserinnen und Leser,\n\ndie Trends des Monats ...\n\nFachverband Vertrieb e.V.\nTel.: 030 5550199\nwww.fachverband-vertrieb.de', 'UTF-8'),
            'newsletter')
    notlead('newsletter-precedence-bulk', [('From', 'SaaS Weekly <digest@saasweekly.io>'), ('To', 'megan.ross@' + OWN),
            ('Subject', 'This week in SaaS: pricing pages that convert'), ('Date', date(7, 13, 0, '+0000')), ('Message-ID', msgid('nl', 'saasweekly.io')),
            ('Precedence', 'bulk')],
            body_html('This week: five pricing pages that convert. Read more at https://saasweekly.io/issues/112', 'UTF-8'), 'bulk mail')
    notlead('mailchimp-campaign', [('From', 'Harborview Dental Group <news@harborview-dental.com>'), ('To', 'info@' + OWN),
            ('Subject', 'Spring smile specials'), ('Date', date(8, 15, 0, '-0800')), ('Message-ID', msgid('mc', 'mail185.atl221.mcdlv.net')),
            ('List-Id', 'Harborview Dental Group <a1b2c3.list-id.mcsv.net>'),
            ('List-Unsubscribe', '<https://harborview-dental.us3.list-manage.com/unsubscribe?u=1&id=2>')],
            body_html('Spring specials for the whole family. Call (206) 555-0143.', 'UTF-8'), 'campaign mail')
    notlead('list-discussion', [('From', 'Dietz, Ralf <ralf.dietz@dietz-logistik.de>'), ('To', 'it-leiter@lists.example.org'),
            ('Subject', '[IT-Leiter] Erfahrungen mit Lead-Tools?'), ('Date', date(8, 16, 0)), ('Message-ID', msgid('list', 'dietz-logistik.de')),
            ('List-Id', 'IT-Leiter Runde <it-leiter.lists.example.org>'), ('Precedence', 'list')],
            body_plain('Hallo zusammen, hat jemand Erfahrungen mit Leadline?\n\nRalf', 'utf-8'), 'mailing list post')
    bounce = ('MIME-Version: 1.0\r\nContent-Type: multipart/report; report-type=delivery-status; boundary="bnd-1"\r\n\r\n'
              '--bnd-1\r\nContent-Type: text/plain; charset=us-ascii\r\n\r\nThis is the mail system at host mx.leadline.example.\r\n'
              'I\'m sorry to have to inform you that your message could not be delivered.\r\n\r\n'
              '--bnd-1\r\nContent-Type: message/delivery-status\r\n\r\nReporting-MTA: dns; mx.leadline.example\r\n\r\n'
              'Final-Recipient: rfc822; old.contact@vogel-verpackung.de\r\nAction: failed\r\nStatus: 5.1.1\r\n\r\n--bnd-1--\r\n')
    notlead('bounce-dsn', [('From', 'MAILER-DAEMON@mx.leadline.example (Mail Delivery System)'), ('To', 'anna.berger@' + OWN),
            ('Subject', 'Undelivered Mail Returned to Sender'), ('Date', date(9, 7, 0)), ('Message-ID', msgid('dsn', 'mx.leadline.example')),
            ('Auto-Submitted', 'auto-replied')], bounce, 'delivery report')
    notlead('bounce-exchange', [('From', 'postmaster@cobaltfreight.com'), ('To', 'megan.ross@' + OWN),
            ('Subject', 'Undeliverable: Proposal'), ('Date', date(9, 8, 0, '-0500')), ('Message-ID', msgid('ndr', 'cobaltfreight.com'))],
            body_plain('Delivery has failed to these recipients or groups: old.buyer@cobaltfreight.com', 'utf-8'), 'Exchange non-delivery report')
    notlead('noreply-portal', [('From', 'Ausschreibungsportal <no-reply@vergabe-portal.example.de>'), ('To', 'info@' + OWN),
            ('Subject', 'Neue Ausschreibung in Ihrer Kategorie'), ('Date', date(10, 5, 0)), ('Message-ID', msgid('nr', 'vergabe-portal.example.de'))],
            body_plain('Eine neue Ausschreibung passt zu Ihrem Profil. Bitte antworten Sie nicht auf diese E-Mail.', 'utf-8'), 'no-reply sender')
    notlead('donotreply-invoice', [('From', 'Billing <donotreply@cloudhost.example.com>'), ('To', 'megan.ross@' + OWN),
            ('Subject', 'Your invoice is ready'), ('Date', date(10, 6, 0, '+0000')), ('Message-ID', msgid('inv', 'cloudhost.example.com'))],
            body_html('Your invoice for March is ready.', 'UTF-8'), 'do-not-reply sender')

    # ---- Second batch: written after the parser was tuned on the messages above, and measured before
    # any change to it (docs/email-intake.md gives both figures).
    def raw(name, text, outcome, ex, note):
        write(name, [], text.replace('\r\n', '\n').replace('\n', '\r\n'), outcome, ex, note)

    def exp(person, email, company=None, title=None, phone=None, mobile=None, website=None, street=None, zip=None, city=None):
        return {'person': person, 'email': email, 'company': company, 'title': title, 'phone': phone, 'mobile': mobile,
                'website': website, 'street': street, 'postalCode': zip, 'city': city}

    raw('outlook-de-im-auftrag', """From: Daniela Roth <d.roth@roth-spedition.de>
To: info@leadline.example
Subject: Anfrage Disposition
Date: Thu, 12 Mar 2026 10:02:11 +0100
Message-ID: <b2.1@roth-spedition.de>
MIME-Version: 1.0
Content-Type: text/plain; charset="iso-8859-1"
Content-Transfer-Encoding: 8bit

Sehr geehrte Damen und Herren,

wir suchen ein Werkzeug für die Erfassung von Transportanfragen. Bitte rufen Sie mich an.

Mit freundlichen Grüßen

i. A. Daniela Roth
Teamleitung Disposition
_______________________________________
Roth Spedition GmbH
Am Güterbahnhof 7 | 34117 Kassel
Telefon +49 561 7390-214
www.roth-spedition.de

Roth Spedition GmbH, Sitz Kassel, HRB 4471, Geschäftsführer: Klaus Roth
Diese E-Mail kann vertrauliche Informationen enthalten.
""", 'CREATED',
        exp('Daniela Roth', 'd.roth@roth-spedition.de', 'Roth Spedition GmbH', 'Teamleitung Disposition', '+495617390214', None,
            'www.roth-spedition.de', 'Am Güterbahnhof 7', '34117', 'Kassel'), 'i. A. before the name, a rule line, a disclaimer')
    raw('gmail-en-letter-labels', """From: Oliver Bright <oliver@brightpathtraining.co.uk>
To: hello@leadline.example
Subject: Training company - 12 users
Date: Thu, 12 Mar 2026 11:15:40 +0000
Message-ID: <CAB2x2@mail.gmail.com>
MIME-Version: 1.0
Content-Type: text/plain; charset="UTF-8"

Hi,

We run corporate training courses and need to track enquiries from three websites. Is there a plan for 12 users?

Best wishes,

--
Oliver Bright
Director
Brightpath Training Ltd
M: +44 7700 900345
E: oliver@brightpathtraining.co.uk
W: www.brightpathtraining.co.uk
LinkedIn: https://www.linkedin.com/in/oliver-bright-example
""", 'CREATED', exp('Oliver Bright', 'oliver@brightpathtraining.co.uk', 'Brightpath Training Ltd', 'Director', None, '+447700900345',
                     'www.brightpathtraining.co.uk'), 'M:/E:/W: labels and a LinkedIn line')
    raw('apple-de-slash-numbers', """From: Verena Scholz <v.scholz@scholz-optik.de>
To: info@leadline.example
Subject: Kundenanfragen
Date: Thu, 12 Mar 2026 12:30:00 +0100
Message-ID: <B2A3-4@scholz-optik.de>
MIME-Version: 1.0
Content-Type: text/plain; charset=utf-8
Content-Transfer-Encoding: 8bit

Hallo,

wir haben drei Filialen und möchten Anfragen gemeinsam bearbeiten. Was kostet das?

Herzliche Grüße
Verena Scholz

Scholz Optik GmbH
Inhaberin
Maximilianstraße 12
86150 Augsburg
Tel +49 (0) 821 / 45 67 89-0
""", 'CREATED', exp('Verena Scholz', 'v.scholz@scholz-optik.de', 'Scholz Optik GmbH', 'Inhaberin', '+498214567890', None, None,
                     'Maximilianstraße 12', '86150', 'Augsburg'), 'slashes and spaces in the number, company above the title')
    raw('thunderbird-en-bottom-posting', """From: Henrik Dahl <henrik.dahl@fjordtech.no>
To: Megan Ross <megan.ross@leadline.example>
Subject: Re: Your offer
Date: Thu, 12 Mar 2026 13:40:00 +0100
Message-ID: <b2.5@fjordtech.no>
In-Reply-To: <out.b2.5@leadline.example>
User-Agent: Mozilla Thunderbird
MIME-Version: 1.0
Content-Type: text/plain; charset=UTF-8; format=flowed

On 11.03.26 16:03, Megan Ross wrote:
> Hi Henrik,
>
> here is our offer.
>
> Megan Ross
> Account Executive | Leadline Inc.
> Office: +1 617 555 0100

Thanks Megan, looks good. Let's talk on Monday.

Henrik Dahl
CTO, FjordTech AS
+47 22 55 01 23
""", 'CREATED', exp('Henrik Dahl', 'henrik.dahl@fjordtech.no', 'FjordTech AS', 'CTO', '+4722550123'), 'bottom-posted reply')
    raw('iphone-de-reply-no-signature', """From: Lukas Berger <lukas.berger@berger-gartenbau.de>
To: Anna Berger <anna.berger@leadline.example>
Subject: Re: Angebot
Date: Thu, 12 Mar 2026 14:02:00 +0100
Message-ID: <b2.6@berger-gartenbau.de>
X-Mailer: iPhone Mail (22D72)
MIME-Version: 1.0
Content-Type: text/plain; charset=utf-8
Content-Transfer-Encoding: quoted-printable

Passt, bitte Vertrag schicken.

Von meinem iPhone gesendet

> Am 11.03.2026 um 16:03 schrieb Anna Berger <anna.berger@leadline.example>:
>=20
> =EF=BB=BFGuten Tag Herr Berger,
> anbei das Angebot.
> Anna Berger
> Tel.: +49 30 5550100
""", 'CREATED', exp('Lukas Berger', 'lukas.berger@berger-gartenbau.de', 'berger-gartenbau.de'), 'iPhone reply, no signature')
    raw('outlook-en-caps-surname', """From: "SCHNEIDER Thomas" <thomas.schneider@alpwerk.ch>
To: info@leadline.example
Subject: Request for quotation
Date: Thu, 12 Mar 2026 15:00:00 +0100
Message-ID: <b2.7@alpwerk.ch>
MIME-Version: 1.0
Content-Type: text/plain; charset="us-ascii"

Dear Sir or Madam,

please send us a quotation for 40 users.

Kind regards
Thomas Schneider
Head of Sales Operations
Alpwerk AG
Tel. +41 (0)44 123 45 67
""", 'CREATED', exp('Thomas Schneider', 'thomas.schneider@alpwerk.ch', 'Alpwerk AG', 'Head of Sales Operations', '+41441234567'),
        'surname first in capitals in the display name')
    raw('yahoo-de-reply-attribution', """From: Renate Voigt <renate.voigt@yahoo.de>
To: Anna Berger <anna.berger@leadline.example>
Subject: Re: Angebot
Date: Thu, 12 Mar 2026 16:10:00 +0100
Message-ID: <b2.8@mail.yahoo.com>
MIME-Version: 1.0
Content-Type: text/plain; charset=UTF-8

Hallo Frau Berger, ich nehme das kleine Paket. Renate Voigt, Voigt Handarbeiten, Tel. 0345 5512340

Am Mittwoch, 11. März 2026 um 16:03:10 MEZ hat Anna Berger <anna.berger@leadline.example> Folgendes geschrieben:

Guten Tag,
anbei das Angebot.
Mit freundlichen Grüßen
Anna Berger
Vertrieb
Leadline GmbH
Tel.: +49 30 5550100 | Mobil: +49 170 5550100
""", 'CREATED', exp('Renate Voigt', 'renate.voigt@yahoo.de'), 'Yahoo attribution in German')
    raw('gmx-forward-header-block', """From: "Jonas Feld" <jonas.feld@leadline.example>
To: anna.berger@leadline.example
Subject: Fwd: Anfrage Vereinssoftware
Date: Thu, 12 Mar 2026 16:30:00 +0100
Message-ID: <b2.9@leadline.example>
MIME-Version: 1.0
Content-Type: text/plain; charset=UTF-8

Für dich.

Gesendet: Mittwoch, 11. März 2026 um 19:44 Uhr
Von: "Bernhard Lang" <b.lang@tsv-oberau.de>
An: info@leadline.example
Betreff: Anfrage Vereinssoftware

Hallo,

unser Sportverein (800 Mitglieder) sucht eine Lösung für Sponsorenanfragen.

Sportliche Grüße
Bernhard Lang
2. Vorsitzender
TSV Oberau 1921 e.V.
Hauptstraße 3, 82496 Oberau
""", 'CREATED', exp('Bernhard Lang', 'b.lang@tsv-oberau.de', 'TSV Oberau 1921 e.V.', '2. Vorsitzender', None, None, None,
                     'Hauptstraße 3', '82496', 'Oberau'), 'GMX forward as a header block')
    raw('owa-en-html-table-signature', """From: Grace Liu <grace.liu@meridianbio.com>
To: sales@leadline.example
Subject: Pipeline tool for a biotech sales team
Date: Thu, 12 Mar 2026 10:05:00 -0800
Message-ID: <b2.10@meridianbio.com>
MIME-Version: 1.0
Content-Type: text/html; charset="utf-8"

<html><body><p>Hello,</p><p>We are a 20-person sales team selling lab equipment. Could we get a demo?</p><p>Thanks,</p>
<table><tr><td><b>Grace Liu</b><br>Sales Operations Manager<br>Meridian Biosystems, Inc.</td>
<td>Direct: (858) 555-0140<br>4025 Sorrento Valley Boulevard<br>San Diego, CA 92121<br><a href="https://www.meridianbio.com">meridianbio.com</a></td></tr></table>
</body></html>
""", 'CREATED', exp('Grace Liu', 'grace.liu@meridianbio.com', 'Meridian Biosystems, Inc.', 'Sales Operations Manager', '+18585550140', None,
                     'meridianbio.com', '4025 Sorrento Valley Boulevard', '92121', 'San Diego'), 'signature in an HTML table')
    raw('webde-enquiry-comma-address', """From: "Wolfgang Kern" <wolfgang.kern@web.de>
To: info@leadline.example
Subject: Anfrage
Date: Thu, 12 Mar 2026 17:00:00 +0100
Message-ID: <b2.11@web.de>
MIME-Version: 1.0
Content-Type: text/plain; charset=UTF-8

Guten Tag, ich bin selbständiger Handelsvertreter und suche ein einfaches Programm. Bitte um Rückruf.

Mit freundlichen Grüßen
Wolfgang Kern
Handelsvertretung Kern
Lindenweg 4, 35037 Marburg
Tel. 06421 9987766
""", 'CREATED', exp('Wolfgang Kern', 'wolfgang.kern@web.de', 'Handelsvertretung Kern', None, '+4964219987766', None, None,
                     'Lindenweg 4', '35037', 'Marburg'), 'free mail with a business signature')
    raw('notes-en-reply', """From: Patrick Moore <Patrick.Moore@kellerind.com>
To: Megan Ross <megan.ross@leadline.example>
Subject: Re: Proposal
Date: Thu, 12 Mar 2026 11:20:00 -0500
Message-ID: <OF1234ABCD.5678@kellerind.com>
X-Mailer: HCL Notes Release 12.0.2 FP1
MIME-Version: 1.0
Content-Type: text/plain; charset="US-ASCII"

Megan,

Purchasing approved the proposal. Please send the order form.

Regards,
Patrick Moore
Purchasing Manager
Keller Industries, Inc.
Tel: (312) 555-0181



From:   Megan Ross <megan.ross@leadline.example>
To:     Patrick Moore <Patrick.Moore@kellerind.com>
Date:   03/11/2026 04:03 PM
Subject:        Proposal



Hi Patrick, here is our proposal. Megan Ross, Account Executive, Cell: +1 617 555 0111
""", 'CREATED', exp('Patrick Moore', 'patrick.moore@kellerind.com', 'Keller Industries, Inc.', 'Purchasing Manager', '+13125550181'),
        'Notes reply in English')
    raw('outlook-de-dr-comma', """From: =?iso-8859-1?Q?Engel=2C_Dr=2E_Katharina?= <k.engel@engel-labor.de>
To: info@leadline.example
Subject: Anfrage Laborsoftware
Date: Thu, 12 Mar 2026 08:45:00 +0100
Message-ID: <b2.13@engel-labor.de>
MIME-Version: 1.0
Content-Type: text/plain; charset="iso-8859-1"
Content-Transfer-Encoding: quoted-printable

Sehr geehrte Damen und Herren,

bitte senden Sie uns Informationen.

Mit freundlichen Gr=FC=DFen

Dr. Katharina Engel
Laborleiterin
Engel Labordiagnostik GmbH
Tel.: 0761 88776-0
""", 'CREATED', exp('Katharina Engel', 'k.engel@engel-labor.de', 'Engel Labordiagnostik GmbH', 'Laborleiterin', '+49761887760'),
        'Dr. inside Last, First')
    raw('gmail-en-uk-dotcom', """From: Sophie Turner-Hall <sophie@thamesidevents.com>
To: hello@leadline.example
Subject: Events agency - lead tracking
Date: Thu, 12 Mar 2026 09:30:00 +0000
Message-ID: <CAB2x14@mail.gmail.com>
MIME-Version: 1.0
Content-Type: text/plain; charset="UTF-8"

Hello,

We organise corporate events and lose track of enquiries. Could you show us how this works?

Many thanks,
Sophie Turner-Hall
Founder, Thameside Events
12 Shad Thames, London SE1 2YD
United Kingdom
Tel: 020 7946 0321
""", 'CREATED', exp('Sophie Turner-Hall', 'sophie@thamesidevents.com', 'Thameside Events', 'Founder', '+442079460321', None, None,
                     '12 Shad Thames', 'SE1 2YD', 'London'), 'UK national number from a .com address')
    raw('newsletter-no-list-headers', """From: Messe Digital <einladung@messe-digital-sued.de>
To: info@leadline.example
Subject: Ihre Einladung zur Messe Digital Süd 2026
Date: Thu, 12 Mar 2026 07:00:00 +0100
Message-ID: <b2.15@messe-digital-sued.de>
MIME-Version: 1.0
Content-Type: text/html; charset=UTF-8

<html><body><h1>Messe Digital Süd 2026</h1><p>Sichern Sie sich jetzt Ihr Ticket!</p>
<p><a href="https://messe-digital-sued.de/abmelden">Newsletter abbestellen</a></p></body></html>
""", 'IGNORED', {}, 'newsletter with an unsubscribe link but no list headers')
    raw('outlook-en-oof-no-header', """From: Nora Fitzgerald <nora.fitzgerald@clearwaterins.com>
To: megan.ross@leadline.example
Subject: Out of Office: Proposal
Date: Thu, 12 Mar 2026 09:00:00 -0500
Message-ID: <b2.16@clearwaterins.com>
MIME-Version: 1.0
Content-Type: text/plain; charset="us-ascii"

I am on leave until March 30. For urgent matters please contact our office on (813) 555-0100.
""", 'IGNORED', {}, 'out of office by subject only')
    raw('apple-en-one-line-signature', """From: Ethan Brooks <ethan@harbourlightcoffee.com>
To: hello@leadline.example
Subject: Wholesale enquiries
Date: Thu, 12 Mar 2026 18:00:00 -0700
Message-ID: <b2.17@harbourlightcoffee.com>
MIME-Version: 1.0
Content-Type: text/plain; charset=us-ascii

Hi - we sell coffee to cafes and need somewhere to keep wholesale enquiries. Pricing?

Ethan Brooks | Co-Founder | Harbour Light Coffee Roasters | (503) 555-0199 | harbourlightcoffee.com
""", 'CREATED', exp('Ethan Brooks', 'ethan@harbourlightcoffee.com', 'Harbour Light Coffee Roasters', 'Co-Founder', '+15035550199', None,
                     'harbourlightcoffee.com'), 'everything on one line')
    raw('outlook-de-swiss-address', """From: "Meier, Reto" <reto.meier@meier-holzbau.ch>
To: info@leadline.example
Subject: Offertanfrage
Date: Thu, 12 Mar 2026 13:00:00 +0100
Message-ID: <b2.18@meier-holzbau.ch>
MIME-Version: 1.0
Content-Type: text/plain; charset="utf-8"
Content-Transfer-Encoding: 8bit

Grüezi

Wir möchten gerne eine Offerte für 8 Benutzer.

Freundliche Grüsse

Reto Meier
Geschäftsleiter
Meier Holzbau AG
Bahnhofstrasse 21
CH-6003 Luzern
T +41 41 220 33 44
M +41 79 220 33 45
www.meier-holzbau.ch
""", 'CREATED', exp('Reto Meier', 'reto.meier@meier-holzbau.ch', 'Meier Holzbau AG', 'Geschäftsleiter', '+41412203344', '+41792203345',
                     'www.meier-holzbau.ch', 'Bahnhofstrasse 21', '6003', 'Luzern'), 'Swiss signature')

    with open(os.path.join(OUT, 'expected.tsv'), 'w', encoding='utf-8') as fh:
        fh.write('# file\toutcome\tperson\temail\tcompany\ttitle\tphone\tmobile\twebsite\tstreet\tpostalCode\tcity\tnote\n')
        for r in ROWS:
            fh.write('\t'.join(r) + '\n')
    with open(os.path.join(OUT, 'existing.tsv'), 'w', encoding='utf-8') as fh:
        fh.write('# leads the tenant has before the corpus is read: firstName\tlastName\temail\tcompany\n')
        for p in existing:
            fh.write('\t'.join([p.first, p.last, p.email, p.company or '']) + '\n')
    print(len(ROWS), 'messages')


main()
