// The page-world probe and the isolated content script share only the DOM.
// They talk through DOM events whose detail is a JSON string: strings cross the
// world boundary unchanged in Chromium and Firefox, objects do not.
//
// Handshake (both scripts run at document_start, before any page script, in
// either order):
//   probe   → document: PROBE_HELLO_EVENT            ("I am here")
//   content → document: CONTENT_READY_EVENT          (sent at start and again on every hello)
//   probe   → document: PROBE_PORT_EVENT, a MouseEvent whose `relatedTarget` is a
//                       detached element known only to the two scripts (the "port"),
//                       sent once, on the first CONTENT_READY_EVENT.
// From then on probe events (PROBE_TO_CONTENT_EVENT) and commands
// (CONTENT_TO_PROBE_EVENT) travel on the port, so page scripts that run later can
// neither read them, forge them, nor stop them with a capturing listener on window.
// Commands are accepted on the port only, 'disarm' too: one a page could send would tell it
// whether the extension is there (tests/fixtures/pages/evasion/detect.html, check 'disarm').
//
// Probe events are still treated as untrusted evidence that can only raise
// suspicion (a page that got the port in a frame without our content script can
// only report on itself), never lower it or allow anything.

export const PROBE_TO_CONTENT_EVENT = 'fwb:probe-event';
export const PROBE_HELLO_EVENT = 'fwb:probe-hello';
export const PROBE_PORT_EVENT = 'fwb:probe-port';
export const CONTENT_READY_EVENT = 'fwb:content-ready';
export const CONTENT_TO_PROBE_EVENT = 'fwb:content-command';
