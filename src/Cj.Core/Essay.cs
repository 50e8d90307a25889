namespace Cj.Core;

/// <summary>A text being ranked. An anchor carries the grade experts agreed on; it is judged like any other essay.</summary>
public sealed record Essay(EssayId Id, bool IsAnchor = false, string? AnchorGrade = null)
{
    public static Essay Student(string id) => new(new EssayId(id));

    public static Essay Anchor(string id, string grade) => new(new EssayId(id), true, grade);
}
