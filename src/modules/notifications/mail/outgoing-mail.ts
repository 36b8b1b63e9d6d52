/** One e-mail, ready to go: the composer builds it, a transport sends it. */
export interface OutgoingMail {
  recipientId: string;
  to: { name: string; address: string };
  subject: string;
  text: string;
  html: string;
  /** Derived from (event, recipient, channel): the same on every retry. */
  messageId: string;
  date: Date;
  /** RFC 8058 one-click target (POST); also the List-Unsubscribe header. */
  oneClickUnsubscribeUrl: string;
}

/** What the embedded default keeps beside each .eml file, for the dev mailbox page. */
export interface StoredMailSummary {
  id: string;
  messageId: string;
  recipientId: string;
  to: string;
  subject: string;
  date: string;
  text: string;
  html: string;
}
