namespace Instacart.Data.Input;

/// <summary>The <c>eval_set</c> of an order.</summary>
public enum EvalSet : byte
{
    /// <summary>An order whose lines are in <c>order_products__prior.csv</c>: the analysis population.</summary>
    Prior,

    /// <summary>A user's last order, whose lines are in <c>order_products__train.csv</c>.</summary>
    Train,

    /// <summary>A user's last order whose lines were withheld.</summary>
    Test,
}
