package scheduling

// assign finds distinct members for requirement groups: counts[g] members
// of groups[g] each, no member used twice. It returns the members chosen,
// group by group in order, or nil if no assignment exists. It is Kuhn's
// augmenting-path matching; groups are tiny, so its cost does not matter.
func assign(groups [][]int, counts []int) []int {
	var slotGroup []int // one entry per needed member: its group
	for g, c := range counts {
		for range c {
			slotGroup = append(slotGroup, g)
		}
	}
	owner := map[int]int{} // member → slot holding it
	var try func(slot int, seen map[int]bool) bool
	try = func(slot int, seen map[int]bool) bool {
		for _, m := range groups[slotGroup[slot]] {
			if seen[m] {
				continue
			}
			seen[m] = true
			if o, taken := owner[m]; !taken || try(o, seen) {
				owner[m] = slot
				return true
			}
		}
		return false
	}
	for slot := range slotGroup {
		if !try(slot, map[int]bool{}) {
			return nil
		}
	}
	out := make([]int, len(slotGroup))
	for m, slot := range owner {
		out[slot] = m
	}
	return out
}
