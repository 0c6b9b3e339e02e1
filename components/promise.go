package components

import "github.com/maxence-charriere/go-app/v10/pkg/app"

// settle waits for a JavaScript promise: ok gets its value, failed the
// name of its error ("AbortError", "NotAllowedError", ...). go-app's Then
// has no way to learn of a rejection, which the share and copy paths
// must, to fall back.
func settle(p app.Value, ok func(app.Value), failed func(name string)) {
	var onOK, onFail app.Func
	release := func() { onOK.Release(); onFail.Release() }
	onOK = app.FuncOf(func(_ app.Value, args []app.Value) any {
		release()
		v := app.Undefined()
		if len(args) > 0 {
			v = args[0]
		}
		ok(v)
		return nil
	})
	onFail = app.FuncOf(func(_ app.Value, args []app.Value) any {
		release()
		name := "Error"
		if len(args) > 0 && args[0].Truthy() && args[0].Get("name").Truthy() {
			name = args[0].Get("name").String()
		}
		failed(name)
		return nil
	})
	p.Call("then", onOK, onFail)
}
