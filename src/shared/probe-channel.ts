// The page-world probe and the isolated content script share only the DOM.
// They talk through CustomEvents on `document` whose detail is a JSON string:
// strings cross the world boundary unchanged in Chromium and Firefox, objects do not.
// A page can dispatch these events too, so probe events are treated as untrusted
// evidence that can only raise suspicion, never lower it or allow anything.

export const PROBE_TO_CONTENT_EVENT = 'fwb:probe-event';
export const PROBE_HELLO_EVENT = 'fwb:probe-hello';
export const CONTENT_READY_EVENT = 'fwb:content-ready';
export const CONTENT_TO_PROBE_EVENT = 'fwb:content-command';
