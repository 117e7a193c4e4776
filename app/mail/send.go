package mail

import (
	"crypto/tls"
	"errors"
	"fmt"
	"net"
	"net/smtp"
	"net/textproto"
	"strconv"
	"strings"
	"time"
)

// How the connection to the SMTP server is protected.
const (
	SecurityTLS      = "tls"      // TLS from the first byte (usually port 465)
	SecurityStartTLS = "starttls" // plain, then STARTTLS before logging in (usually port 587)
	SecurityNone     = "none"     // no encryption: only for a server on this computer or network
)

// Securities lists the choices in the order Settings offers them.
var Securities = []string{SecurityStartTLS, SecurityTLS, SecurityNone}

// Server is the shop's outgoing mail server.
type Server struct {
	Host     string
	Port     int
	Security string
	User     string // empty sends without logging in
	Password string
	// TLS overrides the TLS settings (tests trust their own certificate); nil verifies the
	// server's certificate against the system's roots.
	TLS *tls.Config
	// Timeout bounds connecting and each exchange; 0 means 30 seconds.
	Timeout time.Duration
}

// Check says what is wrong with the server settings, if anything.
func (s Server) Check() error {
	switch {
	case strings.TrimSpace(s.Host) == "":
		return errors.New("enter the mail server's name, e.g. smtp.example.com")
	case s.Port < 1 || s.Port > 65535:
		return fmt.Errorf("port %d: enter the server's port, usually 587 (STARTTLS) or 465 (TLS)", s.Port)
	case s.Security != SecurityTLS && s.Security != SecurityStartTLS && s.Security != SecurityNone:
		return fmt.Errorf("security %q: choose starttls, tls or none", s.Security)
	}
	return nil
}

func (s Server) addr() string { return net.JoinHostPort(s.Host, strconv.Itoa(s.Port)) }

// Send hands msg to the server; nil means the server accepted it for delivery. An error
// says in plain words what went wrong and what to do.
func Send(s Server, msg Message) error {
	if err := s.Check(); err != nil {
		return err
	}
	raw, err := msg.Bytes()
	if err != nil {
		return err
	}
	c, err := s.dial()
	if err != nil {
		return err
	}
	defer c.Close()
	if s.User != "" {
		// PlainAuth refuses to send a password unencrypted except to this computer.
		if err := c.Auth(smtp.PlainAuth("", s.User, s.Password, s.Host)); err != nil {
			return explain(s, "log in", err)
		}
	}
	if err := c.Mail(msg.From.Address); err != nil {
		return explain(s, "send from "+msg.From.Address, err)
	}
	if err := c.Rcpt(msg.To.Address); err != nil {
		return explain(s, "send to "+msg.To.Address, err)
	}
	w, err := c.Data()
	if err != nil {
		return explain(s, "send the message", err)
	}
	if _, err := w.Write(raw); err != nil {
		return explain(s, "send the message", err)
	}
	if err := w.Close(); err != nil {
		return explain(s, "send the message", err)
	}
	_ = c.Quit()
	return nil
}

// dial connects and, as the settings say, secures the connection.
func (s Server) dial() (*smtp.Client, error) {
	timeout := s.Timeout
	if timeout == 0 {
		timeout = 30 * time.Second
	}
	cfg := s.TLS
	if cfg == nil {
		cfg = &tls.Config{ServerName: s.Host, MinVersion: tls.VersionTLS12}
	}
	d := &net.Dialer{Timeout: timeout}
	var conn net.Conn
	var err error
	if s.Security == SecurityTLS {
		conn, err = tls.DialWithDialer(d, "tcp", s.addr(), cfg)
	} else {
		conn, err = d.Dial("tcp", s.addr())
	}
	if err != nil {
		return nil, explain(s, "connect", err)
	}
	_ = conn.SetDeadline(time.Now().Add(4 * timeout))
	c, err := smtp.NewClient(conn, s.Host)
	if err != nil {
		conn.Close()
		return nil, explain(s, "connect", err)
	}
	if s.Security == SecurityStartTLS {
		if ok, _ := c.Extension("STARTTLS"); !ok {
			c.Close()
			return nil, fmt.Errorf("the mail server %s does not offer STARTTLS: choose TLS (port 465) or ask your provider for the right settings", s.addr())
		}
		if err := c.StartTLS(cfg); err != nil {
			c.Close()
			return nil, explain(s, "secure the connection", err)
		}
	}
	return c, nil
}

// explain turns what the server or the network said into a sentence for the owner.
func explain(s Server, doing string, err error) error {
	var te *textproto.Error
	if errors.As(err, &te) {
		said := fmt.Sprintf("%d %s", te.Code, strings.TrimSpace(te.Msg))
		switch {
		case te.Code == 535 || te.Code == 534 || (doing == "log in" && te.Code >= 500):
			return fmt.Errorf("the mail server refused the user name or password for %s (it said: %s): check them in Settings → E-mail", s.User, said)
		case te.Code == 552 || te.Code == 523:
			return fmt.Errorf("the mail server refused the message as too large (it said: %s): the PDF must be smaller, or ask your provider about its size limit", said)
		case strings.HasPrefix(doing, "send to"):
			return fmt.Errorf("the mail server would not %s (it said: %s): check the supplier's e-mail address", doing, said)
		case te.Code >= 400 && te.Code < 500:
			return fmt.Errorf("the mail server could not %s just now (it said: %s): try again in a few minutes", doing, said)
		}
		return fmt.Errorf("the mail server would not %s (it said: %s)", doing, said)
	}
	var ne net.Error
	var oe *net.OpError
	switch {
	case errors.As(err, &ne) && ne.Timeout():
		return fmt.Errorf("the mail server %s did not answer in time: check the server name, the port and your internet connection", s.addr())
	case errors.As(err, &oe) && oe.Op == "dial":
		return fmt.Errorf("could not reach the mail server %s (%v): check the server name and port in Settings → E-mail, and your internet connection", s.addr(), oe.Err)
	case strings.Contains(err.Error(), "unencrypted connection"):
		return fmt.Errorf("Clockwork will not send your password unencrypted to %s: choose STARTTLS or TLS in Settings → E-mail", s.addr())
	}
	var ce *tls.CertificateVerificationError
	if errors.As(err, &ce) {
		return fmt.Errorf("the mail server %s did not prove who it is (%v): check the server name", s.addr(), ce.Err)
	}
	return fmt.Errorf("could not %s with the mail server %s: %v", doing, s.addr(), err)
}
