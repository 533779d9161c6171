package kernel

// Output publishes one output event on iopub, parented by the execute
// request of the cell that produced it (see Host).
func (k *Kernel) Output(o Output) {
	k.announced()
	parent := k.cells.get(o.CellID)
	switch o.Kind {
	case "stream":
		k.publish(IOPub, parent, "stream", map[string]any{"name": o.Name, "text": o.Text})
	case "display_data", "update_display_data":
		transient := map[string]any{}
		if o.DisplayID != "" {
			transient["display_id"] = o.DisplayID
		}
		k.publish(IOPub, parent, o.Kind, map[string]any{
			"data": orEmpty(o.Data), "metadata": orEmpty(o.Metadata), "transient": transient,
		})
	case "clear_output":
		k.publish(IOPub, parent, "clear_output", map[string]any{"wait": o.Wait})
	default:
		k.log.Printf("kernel: dropped output of unknown kind %q from cell %s", o.Kind, o.CellID)
	}
}

// Restarted resets what the kernel knows of the session after the
// executor replaced its worker.
func (k *Kernel) Restarted() { k.lang.Reset() }
