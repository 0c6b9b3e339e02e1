// Package mount is how the explainer's client takes over the server's
// page without the reader seeing it happen: generic machinery, kept apart
// from the components that use it, which know nothing of the story.
//
//   - WaitForFirstPaint lets the browser paint the prerendered page before
//     the first client render blocks the main thread.
//   - Staged shows the server's HTML of each panel until its turn to go
//     live, one browser task a panel, then marks <html data-ready="true">.
//   - Around each replacement the reader's focus stays where it was.
//   - Static writes a piece that never changes as one string of HTML.
//   - DataOf reads the item an event hit, so a container listens once for
//     all its items.
//
// The page-wide queue of panels and the kept focus are package state: a
// document has one of each, and only the UI goroutine touches them.
package mount
