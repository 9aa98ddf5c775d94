namespace KnowledgeHub.Portal.People;

/// <summary>
/// One type-ahead picker (<c>Pages/Shared/_PeoplePicker.cshtml</c>): its input id, the element a choice goes to (a
/// textarea gets a line; a fieldset gets a ticked checkbox), its label, and the kind it offers (user, group, or both: "").
/// </summary>
public sealed record PickerModel(string Id, string TargetId, string Label, string Kind);
